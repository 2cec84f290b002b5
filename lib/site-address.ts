import { env } from './env';

/**
 * The address requests arrive on (`host[:port]`, as the proxy forwards it or the browser names it)
 * when it is not SITE_URL's, else null. Every absolute link Hallway writes — feeds, canonical
 * links, calendar subscriptions, CSV talk URLs, the editor's slug prefix — is built from SITE_URL,
 * so a journal reached at another address hands its readers links to the wrong place.
 */
export function arrivingElsewhere({ host, forwardedHost }: { host?: string | null; forwardedHost?: string | null }): string | null {
  const arriving = (forwardedHost?.split(',')[0] || host || '').trim().toLowerCase();
  if (!arriving) return null;
  return arriving === new URL(env.SITE_URL).host ? null : arriving;
}

/** What to say when the server starts without SITE_URL where the default cannot be right; null when it can. */
export function unsetSiteUrlWarning({ siteUrlSet, port, host }: { siteUrlSet: boolean; port: number; host?: string }): string | null {
  if (siteUrlSet) return null;
  const listening = `${host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost'}:${port}`;
  if (listening === new URL(env.SITE_URL).host) return null;
  return (
    `SITE_URL is not set, so feeds, canonical links and calendar links point at ${env.SITE_URL}, ` +
    `but Hallway listens on ${listening}. Set SITE_URL to the address readers use (e.g. SITE_URL=https://journal.example.org).`
  );
}
