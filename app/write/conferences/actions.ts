'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  addDay,
  addMissingDays,
  addPastedTalks,
  addTrack,
  ConferenceError,
  createConference,
  createTalk,
  deleteConference,
  deleteDay,
  deleteTalk,
  deleteTrack,
  getConferenceIdOf,
  getConferencePaths,
  updateConference,
  updateDay,
  updateTalk,
  updateTrack,
  type ConferenceInput,
  type TalkInput,
} from '@/db/conferences';
import { action, ActionError, type ActionState } from '@/lib/action';
import { revalidatePaths } from '@/lib/revalidate';
import { parseTalkList } from '@/lib/talk-list';
import {
  checkbox,
  cityText,
  conferenceName,
  dateSchema,
  dayTheme,
  hostName,
  idSchema,
  locationText,
  optionalSlug,
  optionalText,
  optionalTime,
  optionalUrl,
  placementSchema,
  speakerNames,
  talkKindSchema,
  talkTitle,
  timeZoneSchema,
  trackName,
} from '@/lib/write-schemas';

/**
 * Server actions of /write/conferences. Conferences, days, tracks and talks are shared facts:
 * any author may change them, and every change is written to the audit log by db/conferences.ts
 * in the same transaction. Reader pages showing the conference are refreshed before and after
 * (a renamed slug or a moved talk leaves pages behind).
 */

/** A refusal from db/conferences.ts, shown next to the form field it is about. */
function asActionError(error: unknown): unknown {
  if (!(error instanceof ConferenceError)) return error;
  // Day and track are picked together, in one "placement" select.
  const field = error.field === 'dayId' || error.field === 'trackId' ? 'placement' : error.field;
  return new ActionError(error.message, field ? { [field]: [error.message] } : undefined);
}

/**
 * Runs a change to one conference and refreshes every reader page it touched. For a change to a
 * day, track or talk, the conference comes from the database (getConferenceIdOf), never from the
 * form; null (no such day, track or talk) leaves nothing to refresh, and the change refuses.
 */
function withConferenceRevalidation<T>(conferenceId: number | null, change: () => T): T {
  if (conferenceId === null) return runChange(change);
  const before = getConferencePaths({ conferenceId });
  const result = runChange(change);
  revalidatePaths([...before, ...getConferencePaths({ conferenceId }), '/speakers']);
  revalidatePath(`/write/conferences/${conferenceId}`);
  return result;
}

function runChange<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    // Expected refusals (a day outside the dates, a taken slug) go next to their field.
    throw asActionError(error);
  }
}

const conferenceFields = z
  .object({
    name: conferenceName,
    slug: optionalSlug,
    city: cityText,
    location: locationText,
    startDate: dateSchema,
    endDate: dateSchema,
    website: optionalUrl,
    timeZone: timeZoneSchema,
    description: optionalText(2000, 'The description'),
  })
  .refine((d) => d.endDate >= d.startDate, { path: ['endDate'], message: 'The last day cannot be before the first.' });

const toConferenceInput = (d: z.output<typeof conferenceFields>): ConferenceInput => ({ ...d });

export const createConferenceAction = action({ role: 'author', schema: conferenceFields }, async (data, user) => {
  let id: number;
  try {
    ({ id } = createConference({ userId: user.id, input: toConferenceInput(data) }));
  } catch (error) {
    throw asActionError(error);
  }
  revalidatePaths(getConferencePaths({ conferenceId: id }));
  redirect(`/write/conferences/${id}?created=1`);
});

export const updateConferenceAction = action(
  { role: 'author', schema: conferenceFields.and(z.object({ id: idSchema })) },
  async (data, user) => {
    withConferenceRevalidation(data.id, () => updateConference({ id: data.id, userId: user.id, input: toConferenceInput(data) }));
    return { ok: true, message: 'Conference saved.' };
  },
);

export const deleteConferenceAction = action(
  {
    role: 'author',
    schema: z.object({ id: idSchema, confirm: z.literal('delete', { message: 'Confirm that you want to delete this conference.' }) }),
  },
  async ({ id }, user) => {
    const before = getConferencePaths({ conferenceId: id });
    try {
      deleteConference({ id, userId: user.id });
    } catch (error) {
      if (error instanceof ConferenceError) return { ok: false, message: error.message };
      throw error;
    }
    revalidatePaths(before);
    redirect('/write/conferences?deleted=1');
  },
);

// ------------------------------------------------------------------ days

export const addDayAction = action(
  { role: 'author', schema: z.object({ conferenceId: idSchema, date: dateSchema, theme: dayTheme }) },
  async ({ conferenceId, date, theme }, user): Promise<ActionState> => {
    withConferenceRevalidation(conferenceId, () => addDay({ conferenceId, userId: user.id, date, theme }));
    return { ok: true, message: `Day added (${date}).`, values: {} };
  },
);

/** "Add the missing days": a day for every date of the conference that has none yet. */
export const addMissingDaysAction = action(
  { role: 'author', schema: z.object({ conferenceId: idSchema }) },
  async ({ conferenceId }, user): Promise<ActionState> => {
    const { added } = withConferenceRevalidation(conferenceId, () => addMissingDays({ conferenceId, userId: user.id }));
    return { ok: true, message: added ? `Added ${added} day${added === 1 ? '' : 's'}.` : 'Every date of the conference already has its day.' };
  },
);

export const updateDayAction = action(
  { role: 'author', schema: z.object({ dayId: idSchema, date: dateSchema, theme: dayTheme }) },
  async ({ dayId, date, theme }, user) => {
    withConferenceRevalidation(getConferenceIdOf({ dayId }), () => updateDay({ dayId, userId: user.id, date, theme }));
    return { ok: true, message: 'Day saved.' };
  },
);

export const deleteDayAction = action(
  { role: 'author', schema: z.object({ dayId: idSchema }) },
  async ({ dayId }, user) => {
    withConferenceRevalidation(getConferenceIdOf({ dayId }), () => deleteDay({ dayId, userId: user.id }));
    return { ok: true, message: 'Day removed.' };
  },
);

// ------------------------------------------------------------------ tracks

const trackFields = { name: trackName, host: hostName };

export const addTrackAction = action(
  { role: 'author', schema: z.object({ dayId: idSchema, ...trackFields }) },
  async ({ dayId, name, host }, user): Promise<ActionState> => {
    withConferenceRevalidation(getConferenceIdOf({ dayId }), () => addTrack({ dayId, userId: user.id, name, host }));
    return { ok: true, message: `Track “${name}” added.`, values: {} };
  },
);

export const updateTrackAction = action(
  { role: 'author', schema: z.object({ trackId: idSchema, ...trackFields }) },
  async ({ trackId, name, host }, user) => {
    withConferenceRevalidation(getConferenceIdOf({ trackId }), () => updateTrack({ trackId, userId: user.id, name, host }));
    return { ok: true, message: 'Track saved.' };
  },
);

export const deleteTrackAction = action(
  { role: 'author', schema: z.object({ trackId: idSchema }) },
  async ({ trackId }, user) => {
    withConferenceRevalidation(getConferenceIdOf({ trackId }), () => deleteTrack({ trackId, userId: user.id }));
    return { ok: true, message: 'Track removed.' };
  },
);

// ------------------------------------------------------------------ talks

const talkFields = z.object({
  conferenceId: idSchema,
  title: talkTitle,
  slug: optionalSlug,
  kind: talkKindSchema,
  speakers: speakerNames,
  abstract: optionalText(5000, 'The abstract'),
  talkUrl: optionalUrl,
  presentationUrl: optionalUrl,
  videoUrl: optionalUrl,
  slidesUrl: optionalUrl,
  videoPending: checkbox,
  placement: placementSchema,
  startTime: optionalTime,
  durationMinutes: z
    .preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int('Whole minutes.').min(1, 'At least 1 minute.').max(1440, 'At most 24 hours.').optional())
    .transform((v) => v ?? null),
  room: optionalText(80, 'The room'),
});

function toTalkInput(d: z.output<typeof talkFields>): TalkInput {
  const { placement, conferenceId: _c, ...rest } = d;
  return { ...rest, dayId: placement.dayId, trackId: placement.trackId, videoPending: d.videoPending && !d.videoUrl };
}

export const createTalkAction = action({ role: 'author', schema: talkFields }, async (data, user): Promise<ActionState> => {
  withConferenceRevalidation(data.conferenceId, () => createTalk({ conferenceId: data.conferenceId, userId: user.id, input: toTalkInput(data) }));
  // Empty values: the form starts over for the next talk.
  return { ok: true, message: `Added “${data.title}”.`, values: {} };
});

export const updateTalkAction = action(
  { role: 'author', schema: talkFields.extend({ talkId: idSchema }) },
  async (data, user) => {
    withConferenceRevalidation(getConferenceIdOf({ talkId: data.talkId }), () => updateTalk({ talkId: data.talkId, userId: user.id, input: toTalkInput(data) }));
    return { ok: true, message: 'Talk saved.' };
  },
);

/**
 * Removing a talk with ratings takes two steps: the first answers with the count (nothing
 * removed); the second must send that exact count back as `confirmRatings`.
 */
export const deleteTalkAction = action(
  {
    role: 'author',
    schema: z.object({
      talkId: idSchema,
      confirmRatings: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(0).optional()),
      /** From the talk's own page, which is gone afterwards: back to the conference. */
      then: z.enum(['conference']).optional(),
    }),
  },
  async ({ talkId, confirmRatings, then }, user): Promise<ActionState> => {
    const conferenceId = getConferenceIdOf({ talkId });
    const result = withConferenceRevalidation(conferenceId, () => deleteTalk({ talkId, userId: user.id, confirmedRatings: confirmRatings ?? null }));
    if (!result.ok) {
      const n = result.ratings;
      return {
        ok: false,
        message: `“${result.title}” has ${n} rating${n === 1 ? '' : 's'}. Removing the talk deletes ${n === 1 ? 'it' : 'them'} too; the count and average stay in the change history.`,
        values: { needsConfirmation: String(n) },
      };
    }
    if (then === 'conference') redirect(`/write/conferences/${conferenceId}#talks`);
    return { ok: true, message: result.ratings ? `Talk removed, with its ${result.ratings} rating${result.ratings === 1 ? '' : 's'} (recorded in the change history).` : 'Talk removed.' };
  },
);

export const pasteTalksAction = action(
  {
    role: 'author',
    schema: z.object({
      conferenceId: idSchema,
      placement: placementSchema,
      kind: talkKindSchema.default('talk'),
      list: z.string({ message: 'Paste at least one talk.' }).max(50_000, 'At most 50,000 characters at once.'),
    }),
  },
  async ({ conferenceId, placement, kind, list }, user): Promise<ActionState> => {
    const { talks, problems } = parseTalkList(list);
    if (problems.length) return { ok: false, message: 'Nothing was added.', fieldErrors: { list: problems.map((p) => p.message) } };
    if (!talks.length) return { ok: false, message: 'Nothing was added.', fieldErrors: { list: ['Paste at least one talk: one per line, “Title — Speaker, Speaker”.'] } };
    const { ids } = withConferenceRevalidation(conferenceId, () =>
      addPastedTalks({ conferenceId, userId: user.id, dayId: placement.dayId, trackId: placement.trackId, kind, list: talks }),
    );
    return { ok: true, message: `Added ${ids.length} talk${ids.length === 1 ? '' : 's'}.`, values: {} };
  },
);
