import { describe, expect, it } from 'vitest';
import { emailSchema, newPasswordSchema, normalizeEmail, passwordProblem, safeCallbackPath } from './validation';

describe('email normalisation', () => {
  it('trims, lower-cases and composes (NFC) so look-alikes are one address', () => {
    const composed = 'jos\u00e9@example.com';
    const decomposed = 'Jose\u0301@Example.COM ';
    expect(normalizeEmail(decomposed)).toBe(composed);
    expect(normalizeEmail('  ADA@Hallway.Test')).toBe('ada@hallway.test');
  });

  it('rejects invisible characters and malformed addresses', () => {
    expect(emailSchema.safeParse('ada\u200b@hallway.test').success).toBe(false);
    expect(emailSchema.safeParse('ada@localhost').success).toBe(false);
    expect(emailSchema.safeParse('not an email').success).toBe(false);
    expect(emailSchema.parse(' Ada@Hallway.Test ')).toBe('ada@hallway.test');
  });
});

describe('password rules', () => {
  it('requires 10 to 256 characters', () => {
    expect(passwordProblem('short-pw1')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('a fine passphrase')).toBeNull();
  });

  it('refuses common and repetitive passwords, and the email itself', () => {
    expect(passwordProblem('password123')).toMatch(/easy to guess/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/easy to guess/);
    expect(passwordProblem('ada.lovelace', 'ada.lovelace@example.com')).toMatch(/email/);
  });

  it('normalises a new password to NFC', () => {
    expect(newPasswordSchema.parse('cafe\u0301 au lait!')).toBe('caf\u00e9 au lait!');
  });
});

describe('callback URLs', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeCallbackPath('/write?draft=3')).toBe('/write?draft=3');
  });

  it('drops anything that could leave the site', () => {
    for (const evil of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, ['/a']]) {
      expect(safeCallbackPath(evil)).toBe('/');
    }
  });

  it('checks the path after normalisation: dot segments cannot turn it into another host', () => {
    for (const evil of ['/.//evil.example', '/..//x', '/./\\x', '/a/..//evil.example', '/%2e//evil.example', '/%2E%2E//x', '/.\\/evil.example']) {
      expect(safeCallbackPath(evil), evil).toBe('/');
    }
  });

  it('refuses a backslash anywhere in the normalised result', () => {
    expect(safeCallbackPath('/write?next=\\evil.example')).toBe('/');
    expect(safeCallbackPath('/write#\\evil.example')).toBe('/');
  });

  it('keeps a harmless normalised path', () => {
    expect(safeCallbackPath('/write/./drafts/../posts?x=1')).toBe('/write/posts?x=1');
  });

  it('never sends the user back to the sign-in pages', () => {
    expect(safeCallbackPath('/signin?callbackUrl=/x')).toBe('/');
    expect(safeCallbackPath('/signup', '/journal')).toBe('/journal');
  });
});
