'use client';

import { useEffect, useState } from 'react';

/**
 * The signed-in reader's agenda (the talks they marked "I'm going"), asked of `/api/me/agenda`
 * from the browser, as the rating forms ask `/api/me/ratings`: cached pages carry nobody's data.
 * Expected answer: `{ signedIn: boolean, talkIds: number[] }`. Asked only when `wanted`.
 */
export type MyAgenda =
  | { state: 'idle' | 'loading' | 'signed-out' | 'unavailable' }
  | { state: 'ready'; talkIds: number[] };

export function useMyAgenda(wanted: boolean): MyAgenda {
  const [agenda, setAgenda] = useState<MyAgenda>({ state: 'idle' });
  useEffect(() => {
    if (!wanted || agenda.state !== 'idle') return;
    setAgenda({ state: 'loading' });
    fetch('/api/me/agenda', { cache: 'no-store', credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) return setAgenda({ state: 'unavailable' });
        const body = (await res.json()) as { signedIn: boolean; talkIds?: number[] };
        setAgenda(body.signedIn ? { state: 'ready', talkIds: (body.talkIds ?? []).filter(Number.isInteger) } : { state: 'signed-out' });
      })
      .catch(() => setAgenda({ state: 'unavailable' }));
  }, [wanted, agenda.state]);
  return agenda;
}
