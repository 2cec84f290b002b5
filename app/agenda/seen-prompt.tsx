'use client';

import { DidYouSeeIt } from '@/components/did-you-see-it';
import { useNow } from '@/lib/use-now';

/** "Did you see it?" once the talk has started, by the browser's clock (the page may be open for hours). */
export function SeenPrompt({ startsAt, renderedAt, href, talkTitle }: { startsAt: number; renderedAt: number; href: string; talkTitle: string }) {
  const now = useNow(renderedAt);
  return now >= startsAt ? <DidYouSeeIt href={href} talkTitle={talkTitle} /> : null;
}
