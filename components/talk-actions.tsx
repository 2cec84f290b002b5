'use client';

import type { TalkAggregates } from '@/lib/ratings';
import { GoingToggle } from './going-toggle';
import { LiveRatingSummary } from './live-rating-summary';
import { QuickRating } from './quick-rating';

type Props = TalkAggregates & {
  talkId: number;
  title: string;
  /** The talk page, where the full rating form is. */
  path: string;
  startsAt: number | null;
  goingCount: number;
  timeZone: string;
  dayDate: string | null;
  /** The server's render time (see GoingToggle). */
  renderedAt: number;
};

/**
 * The crowd's verdict, "I'm going" and the one-tap stars of a talk in a list, as one island: a day page carries 200 of
 * them, and each island's props travel in the page's React payload, so what both need is sent once.
 */
export function TalkActions({ talkId, title, path, startsAt, goingCount, timeZone, dayDate, renderedAt, ratingCount, ratingSum, attendanceCount }: Props) {
  return (
    <>
      <LiveRatingSummary talkId={talkId} ratingCount={ratingCount} ratingSum={ratingSum} attendanceCount={attendanceCount} />
      {startsAt !== null && <GoingToggle talkId={talkId} talkTitle={title} startsAt={startsAt} goingCount={goingCount} renderedAt={renderedAt} rateHref={`${path}#your-rating`} />}
      <QuickRating talkId={talkId} title={title} path={path} startsAt={startsAt} timeZone={timeZone} dayDate={dayDate} />
    </>
  );
}
