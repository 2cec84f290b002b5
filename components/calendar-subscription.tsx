import { getCalendarTokenByUserId } from '@/db/calendar';
import { absoluteUrl } from '@/lib/seo';
import { CalendarSubscriptionControls } from './calendar-subscription-controls';

/**
 * "Subscribe to your talks": the personal calendar link with copy and reset controls.
 * A server component (it reads the secret token), for pages that already know the signed-in user,
 * e.g. `<CalendarSubscription userId={user.id} />` on /journal.
 */
export function CalendarSubscription({ userId }: { userId: number }) {
  const token = getCalendarTokenByUserId({ userId });
  const httpsUrl = token ? `${absoluteUrl('/journal/calendar.ics')}?token=${encodeURIComponent(token)}` : null;
  // webcal:// asks the operating system to open its calendar app and subscribe.
  const webcalUrl = httpsUrl ? httpsUrl.replace(/^https?:\/\//, 'webcal://') : null;
  return (
    <section aria-labelledby="calendar-subscription-heading" className="rounded-xl border border-stone-200 p-5 dark:border-stone-800">
      <h2 id="calendar-subscription-heading" className="text-lg font-semibold text-stone-900 dark:text-white">
        Your talks in your calendar
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Subscribe to this private link in Apple Calendar, Google Calendar or Outlook to see every talk you mark, and the
        talks on your agenda (as tentative) before the event. Anyone with the link can see those talks: reset it if it leaks.
      </p>
      <CalendarSubscriptionControls httpsUrl={httpsUrl} webcalUrl={webcalUrl} />
    </section>
  );
}
