import { describe, expect, it } from 'vitest';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password';

describe('password hashing (argon2id)', () => {
  it('produces an argon2id PHC string with the OWASP parameters', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery ')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery')).toBe(false);
  });

  it('treats a malformed stored hash as a failed match instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
    expect(await verifyPassword('', 'anything at all')).toBe(false);
  });

  it('handles long and non-ASCII passwords up to the maximum', async () => {
    const long = 'ü'.repeat(PASSWORD_MAX);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(PASSWORD_MIN).toBe(10);
    expect(PASSWORD_MAX).toBe(256);
  });
});
