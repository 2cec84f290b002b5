import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WriteNav } from '@/components/write/write-nav';
import { getSpeakerNames, getTalkForEditor } from '@/db/conferences';
import { requireUser } from '@/lib/auth/current-user';
import { RemoveTalkButton, TalkForm } from '../../../forms';
import { placementGroups } from '../../../placements';

export const metadata: Metadata = { title: 'Edit talk', robots: { index: false } };

type Props = { params: Promise<{ id: string; talkId: string }> };

export default async function EditTalkPage({ params }: Props) {
  const { id: rawConf, talkId: rawTalk } = await params;
  await requireUser(`/write/conferences/${rawConf}/talks/${rawTalk}`, 'author');
  const conferenceId = Number(rawConf);
  const talkId = Number(rawTalk);
  if (!Number.isInteger(talkId) || talkId <= 0) notFound();
  const data = getTalkForEditor({ talkId });
  if (!data || data.conference.id !== conferenceId) notFound();
  const { talk, conference, days } = data;

  return (
    <>
      <WriteNav current="conferences" />
      <p className="text-sm">
        <Link href={`/write/conferences/${conference.id}#talks`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
          ← {conference.name}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">{talk.title}</h1>
        <Link href={`/conferences/${conference.slug}/talks/${talk.slug}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800">
          View on Hallway
        </Link>
      </div>
      {talk.ratingRows > 0 && (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {talk.ratingRows} rating{talk.ratingRows === 1 ? '' : 's'} so far.
        </p>
      )}
      <section className="mt-6 max-w-3xl rounded-xl border border-stone-200 p-5 dark:border-stone-800" aria-label="Talk details">
        <TalkForm
          conferenceId={conference.id}
          groups={placementGroups(days)}
          speakerSuggestions={getSpeakerNames()}
          timeZone={conference.timeZone}
          talk={{
            id: talk.id,
            title: talk.title,
            slug: talk.slug,
            kind: talk.kind,
            speakers: talk.speakers.map((s) => s.name),
            abstract: talk.abstract ?? '',
            talkUrl: talk.talkUrl ?? '',
            presentationUrl: talk.presentationUrl ?? '',
            videoUrl: talk.videoUrl ?? '',
            slidesUrl: talk.slidesUrl ?? '',
            videoPending: talk.videoPending,
            placement: talk.dayId ? `${talk.dayId}:${talk.trackId ?? ''}` : '',
            startTime: talk.time ?? '',
            durationMinutes: talk.durationMinutes ? String(talk.durationMinutes) : '',
            room: talk.room ?? '',
          }}
        />
      </section>
      <section className="mt-6 max-w-3xl rounded-xl border border-red-200 p-5 dark:border-red-950" aria-label="Remove">
        <p className="mb-2 text-sm text-stone-600 dark:text-stone-400">Removing a talk takes it off the programme, its recaps and its ratings.</p>
        <RemoveTalkButton talkId={talk.id} title={talk.title} returnToConference />
      </section>
    </>
  );
}
