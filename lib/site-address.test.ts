import { describe, expect, it } from 'vitest';
import { env } from './env';
import { arrivingElsewhere, unsetSiteUrlWarning } from './site-address';

const configured = new URL(env.SITE_URL).host;

describe('the address requests arrive on', () => {
  it('is nothing to report when it is the site address', () => {
    expect(arrivingElsewhere({ host: configured })).toBeNull();
    expect(arrivingElsewhere({ host: configured.toUpperCase() })).toBeNull();
    expect(arrivingElsewhere({ host: null })).toBeNull();
  });

  it('is reported when the browser or a trusted proxy names another one', () => {
    expect(arrivingElsewhere({ host: '192.168.1.20:3000' })).toBe('192.168.1.20:3000');
    // The proxy's forwarded name wins over the Host it used to reach the app.
    expect(arrivingElsewhere({ host: configured, forwardedHost: 'journal.example.org, inner.example' })).toBe('journal.example.org');
    expect(arrivingElsewhere({ host: '127.0.0.1:3001', forwardedHost: configured })).toBeNull();
  });
});

describe('starting without SITE_URL', () => {
  it('says nothing when the default is right or SITE_URL is set', () => {
    const port = Number(new URL(env.SITE_URL).port || 80);
    expect(unsetSiteUrlWarning({ siteUrlSet: true, port: 4000 })).toBeNull();
    expect(unsetSiteUrlWarning({ siteUrlSet: false, port })).toBeNull();
  });

  it('warns when the server listens where the default address does not lead', () => {
    expect(unsetSiteUrlWarning({ siteUrlSet: false, port: 4000 })).toMatch(/SITE_URL is not set, .* but Hallway listens on localhost:4000\. Set SITE_URL/);
    expect(unsetSiteUrlWarning({ siteUrlSet: false, port: 4000, host: '10.0.0.5' })).toContain('listens on 10.0.0.5:4000');
  });
});
