'use client';

import { QuickRating } from '@/components/quick-rating';
import { useNow } from '@/lib/use-now';

type Props = {
  talkId: number;
  title: string;
  path: string;
  startsAt: number;
  timeZone: string;
  dayDate: string | null;
  renderedAt: number;
};

/**
 * Once a planned talk has started (by the browser's clock: the page may be open for hours), it asks
 * "Did you see it?" and takes the answer in place: one tap on a star logs it as seen.
 */
export function SeenPrompt({ renderedAt, ...talk }: Props) {
  const now = useNow(renderedAt);
  if (now < talk.startsAt) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3">
      <span className="text-sm font-medium text-stone-800 dark:text-stone-200">Did you see it?</span>
      <QuickRating {...talk} />
    </div>
  );
}
