'use client';

import type { TalkAggregates } from '@/lib/ratings';
import { RatingSummary } from './rating-summary';
import { useKnownRating } from './talk-rating-state';

/** The talk's verdict from the cached page, replaced by the numbers a save on this page answered with. */
export function LiveRatingSummary({ talkId, ...fromPage }: TalkAggregates & { talkId: number }) {
  const known = useKnownRating(talkId);
  return <RatingSummary {...(known?.aggregates ?? fromPage)} />;
}
