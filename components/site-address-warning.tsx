import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { arrivingElsewhere } from '@/lib/site-address';

/** For admins: this request came in at an address other than SITE_URL, so the links Hallway writes point elsewhere. */
export async function SiteAddressWarning() {
  const h = await headers();
  const elsewhere = arrivingElsewhere({ host: h.get('host'), forwardedHost: env.TRUSTED_PROXIES > 0 ? h.get('x-forwarded-host') : null });
  if (!elsewhere) return null;
  return (
    <div role="alert" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-semibold">
        This page was reached at {elsewhere}, but the site address is set to {env.SITE_URL}.
      </p>
      <p className="mt-1">
        Feeds, canonical links, calendar subscriptions and exported talk addresses all point at {env.SITE_URL}. If readers
        use {elsewhere}, set <code className="font-mono">SITE_URL</code> to that address and restart Hallway.
      </p>
    </div>
  );
}
