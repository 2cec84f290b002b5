'use client';

import type { ModeratedReview } from '@/db/ratings';
import type { MyRating } from '@/lib/ratings';

/**
 * The signed-in user's own entries for the talks on the current page, fetched from the browser
 * (`/api/me/ratings`): reader pages are cached and shared, so they never carry anyone's ratings.
 * Every rating form on a page asks in the same tick; the asks are batched into ONE request.
 */

export type Moderation = { hide: boolean; exclude: boolean; entries: ModeratedReview[] };
export type MineResponse = {
  signedIn: boolean;
  ratings: Record<string, MyRating>;
  /** The asked-for talks that are on the user's agenda ("I'm going"). */
  agenda: number[];
  moderation?: Record<string, Moderation>;
};

type Batch = { ids: Set<number>; moderation: boolean; promise: Promise<MineResponse> };
let batch: Batch | null = null;

export function fetchMine(talkId: number, { moderation = false } = {}): Promise<MineResponse> {
  if (!batch) {
    const b: Batch = { ids: new Set(), moderation: false, promise: Promise.resolve(null as never) };
    b.promise = new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
      if (batch === b) batch = null;
      const params = new URLSearchParams();
      for (const id of [...b.ids].sort((x, y) => x - y)) params.append('talk', String(id));
      if (b.moderation) params.set('moderation', '1');
      const res = await fetch(`/api/me/ratings?${params}`, { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as MineResponse;
    });
    batch = b;
  }
  batch.ids.add(talkId);
  if (moderation) batch.moderation = true;
  return batch.promise;
}
