'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ChipInput } from '@/components/ui/chip-input';
import { CheckboxField, DateField, Field, FieldErrors, inputClass, SelectField as Select, TextAreaField as TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState } from '@/lib/action-state';
import { parseTalkList, type PastedLine } from '@/lib/talk-list';
import { TALK_KIND_OPTIONS } from '@/lib/talk-kinds';
import {
  addDayAction,
  addMissingDaysAction,
  addTrackAction,
  createConferenceAction,
  createTalkAction,
  deleteConferenceAction,
  deleteDayAction,
  deleteTalkAction,
  deleteTrackAction,
  pasteTalksAction,
  updateConferenceAction,
  updateDayAction,
  updateTalkAction,
  updateTrackAction,
} from './actions';

/**
 * The forms of /write/conferences. Each is a small client component around one server action
 * (lib/action.ts): messages next to fields, what was typed kept on errors, the list below
 * refreshed by the action's revalidation on success.
 */

const KINDS = TALK_KIND_OPTIONS;

export type PlacementGroup = { label: string; options: { value: string; label: string }[] };

const labelClass = 'mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200';

/** A form whose fields start over after each success (adding one thing after another). */
function useResetKey(state: ActionState) {
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (state.ok) setKey((k) => k + 1);
  }, [state]);
  return key;
}

// ------------------------------------------------------------------ conference

export type ConferenceValues = {
  id?: number;
  name: string;
  slug: string;
  city: string;
  location: string;
  startDate: string;
  endDate: string;
  website: string;
  timeZone: string;
  description: string;
};

export function ConferenceForm({ conference, zones, narrow = false }: { conference?: ConferenceValues; zones: string[]; narrow?: boolean }) {
  const editing = conference?.id !== undefined;
  const [state, formAction] = useActionState(editing ? updateConferenceAction : createConferenceAction, initialActionState);
  const [zone, setZone] = useState(conference?.timeZone ?? 'UTC');
  const id = useId();
  useEffect(() => {
    // A new conference starts in the author's own zone, known only in the browser.
    if (!conference) setZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  }, [conference]);
  const v = { ...conference, ...state.values } as Partial<Record<keyof ConferenceValues, string>>;
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={editing ? 'Conference details' : 'New conference'}>
      {editing && <input type="hidden" name="id" value={conference!.id} />}
      <div className={narrow ? 'grid gap-4' : 'grid gap-4 sm:grid-cols-2'}>
        <Field label="Name" name="name" required maxLength={120} defaultValue={v.name} errors={e.name} placeholder="e.g. QCon London 2025" />
        <Field
          label="Slug"
          name="slug"
          maxLength={80}
          defaultValue={v.slug}
          errors={e.slug}
          placeholder={editing ? undefined : 'Derived from the name'}
          hint={editing ? 'Its address: /conferences/<slug>. Changing it breaks old links.' : 'Leave empty to derive it from the name.'}
        />
        <DateField label="First day" name="startDate" required defaultValue={v.startDate} errors={e.startDate} />
        <DateField label="Last day" name="endDate" required defaultValue={v.endDate} errors={e.endDate} />
        <Field label="City" name="city" maxLength={80} defaultValue={v.city} errors={e.city} />
        <Field label="Venue or place" name="location" maxLength={160} defaultValue={v.location} errors={e.location} hint="As it should be printed, e.g. “QEII Centre, London, United Kingdom”." />
        <Field label="Website" name="website" type="url" inputMode="url" maxLength={2000} defaultValue={v.website} errors={e.website} placeholder="https://" />
        <div>
          <label htmlFor={`${id}-tz`} className={labelClass}>
            Time zone
          </label>
          <input
            id={`${id}-tz`}
            name="timeZone"
            list={`${id}-zones`}
            value={zone}
            onChange={(ev) => setZone(ev.target.value)}
            aria-invalid={e.timeZone ? true : undefined}
            aria-describedby={`${id}-tz-hint`}
            className={inputClass}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p id={`${id}-tz-hint`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
            Talk times are entered and shown in this zone.
          </p>
          <FieldErrors errors={e.timeZone} />
        </div>
      </div>
      <TextArea label="Description" name="description" defaultValue={v.description} errors={e.description} rows={3} maxLength={2000} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={editing ? 'Saving the conference…' : 'Creating the conference…'}>{editing ? 'Save conference' : 'Create conference'}</SubmitButton>
    </form>
  );
}

export function DeleteConferenceForm({ conferenceId, name, blocked }: { conferenceId: number; name: string; blocked: string | null }) {
  const [state, formAction] = useActionState(deleteConferenceAction, initialActionState);
  const [confirming, setConfirming] = useState(false);
  if (blocked) return <p className="text-sm text-stone-600 dark:text-stone-400">{blocked}</p>;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={conferenceId} />
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} className={buttonClass('secondary', 'text-red-700 dark:text-red-400')}>
          Delete conference…
        </button>
      ) : (
        <div role="group" aria-label="Confirm deletion" className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/40">
          <p className="text-sm text-red-900 dark:text-red-100">Delete “{name}” with its days, tracks and talks? This cannot be undone.</p>
          <input type="hidden" name="confirm" value="delete" />
          <div className="flex gap-2">
            <SubmitButton variant="danger" pendingLabel="Deleting…">
              Delete “{name}”
            </SubmitButton>
            <button type="button" onClick={() => setConfirming(false)} className={buttonClass('ghost')}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <FormMessage state={state} />
    </form>
  );
}

// ------------------------------------------------------------------ days

export function AddDayForm({ conferenceId, startDate, endDate, suggested }: { conferenceId: number; startDate: string; endDate: string; suggested: string }) {
  const [state, formAction] = useActionState(addDayAction, initialActionState);
  const key = useResetKey(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={key} action={formAction} noValidate className="space-y-3" aria-label="Add a day">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
        <DateField label="Date" name="date" min={startDate} max={endDate} required defaultValue={state.ok ? suggested : (state.values?.date ?? suggested)} errors={e.date} />
        <Field label="Theme (optional)" name="theme" maxLength={120} defaultValue={state.ok ? '' : state.values?.theme} errors={e.theme} placeholder="e.g. A bit of everything" />
        <div className="sm:pt-6">
          <SubmitButton variant="secondary" pendingLabel="Adding the day…">
            Add day
          </SubmitButton>
        </div>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** One click for every date of the conference that has no day yet (the message stays once none is left). */
export function AddMissingDaysForm({ conferenceId, missing, dates }: { conferenceId: number; missing: number; dates: string }) {
  const [state, formAction] = useActionState(addMissingDaysAction, initialActionState);
  return (
    <form action={formAction} className="space-y-3" aria-label="Add the missing days">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      {missing > 0 && (
        <SubmitButton variant="secondary" pendingLabel="Adding the days…">
          {missing === 1 ? `Add the missing day (${dates})` : `Add the ${missing} missing days (${dates})`}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}

export function DayEditor({ day }: { day: { id: number; number: number; date: string; theme: string | null; trackCount: number; talkCount: number } }) {
  const [state, formAction] = useActionState(updateDayAction, initialActionState);
  const [removeState, removeAction] = useActionState(deleteDayAction, initialActionState);
  const [open, setOpen] = useState(false);
  const e = state.fieldErrors ?? {};
  return (
    <div>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
        {open ? 'Close' : `Edit day ${day.number}`}
      </button>
      {open && (
        <div className="mt-3 space-y-3 rounded-lg bg-stone-50 p-3 dark:bg-stone-900/60">
          <form action={formAction} noValidate className="space-y-3" aria-label={`Edit day ${day.number}`}>
            <input type="hidden" name="dayId" value={day.id} />
            <div className="grid gap-3 sm:grid-cols-2">
              <DateField label="Date" name="date" required defaultValue={state.values?.date ?? day.date} errors={e.date} />
              <Field label="Theme" name="theme" maxLength={120} defaultValue={state.values?.theme ?? day.theme ?? ''} errors={e.theme} />
            </div>
            <FormMessage state={state} />
            <SubmitButton variant="secondary" pendingLabel="Saving the day…">
              Save day {day.number}
            </SubmitButton>
          </form>
          <form action={removeAction}>
            <input type="hidden" name="dayId" value={day.id} />
            <SubmitButton variant="ghost" pendingLabel="Removing the day…" className="text-red-700 dark:text-red-400">
              Remove day {day.number}
            </SubmitButton>
            <FormMessage state={removeState} />
          </form>
        </div>
      )}
    </div>
  );
}

// ------------------------------------------------------------------ tracks

export function AddTrackForm({ dayId, dayNumber }: { dayId: number; dayNumber: number }) {
  const [state, formAction] = useActionState(addTrackAction, initialActionState);
  const key = useResetKey(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={key} action={formAction} noValidate className="space-y-2" aria-label={`Add a track to day ${dayNumber}`}>
      <input type="hidden" name="dayId" value={dayId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field label="Track name" name="name" required maxLength={120} defaultValue={state.ok ? '' : state.values?.name} errors={e.name} placeholder="e.g. Stream Processing" />
        <Field label="Host (optional)" name="host" maxLength={120} defaultValue={state.ok ? '' : state.values?.host} errors={e.host} />
        <div className="sm:pt-6">
          <SubmitButton variant="secondary" pendingLabel="Adding the track…">
            Add track
          </SubmitButton>
        </div>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function TrackEditor({ track }: { track: { id: number; name: string; host: string | null } }) {
  const [state, formAction] = useActionState(updateTrackAction, initialActionState);
  const [removeState, removeAction] = useActionState(deleteTrackAction, initialActionState);
  const [open, setOpen] = useState(false);
  const e = state.fieldErrors ?? {};
  return (
    <div className="inline">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400" aria-label={open ? `Close ${track.name}` : `Edit track ${track.name}`}>
        {open ? 'Close' : 'Edit'}
      </button>
      {open && (
        <div className="mt-2 space-y-3 rounded-lg bg-stone-50 p-3 dark:bg-stone-900/60">
          <form action={formAction} noValidate className="space-y-3" aria-label={`Edit track ${track.name}`}>
            <input type="hidden" name="trackId" value={track.id} />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Track name" name="name" required maxLength={120} defaultValue={state.values?.name ?? track.name} errors={e.name} />
              <Field label="Host" name="host" maxLength={120} defaultValue={state.values?.host ?? track.host ?? ''} errors={e.host} />
            </div>
            <FormMessage state={state} />
            <SubmitButton variant="secondary" pendingLabel="Saving the track…">
              Save track
            </SubmitButton>
          </form>
          <form action={removeAction}>
            <input type="hidden" name="trackId" value={track.id} />
            <SubmitButton variant="ghost" pendingLabel="Removing the track…" className="text-red-700 dark:text-red-400">
              Remove track
            </SubmitButton>
            <FormMessage state={removeState} />
          </form>
        </div>
      )}
    </div>
  );
}

// ------------------------------------------------------------------ speakers

/** Speakers as chips; names matching an existing speaker reuse that person on every conference. */
export function SpeakerInput({ initial, suggestions, errors }: { initial: string[]; suggestions: string[]; errors?: string[] }) {
  const [names, setNames] = useState(initial);
  return (
    <ChipInput
      label="Speakers"
      noun="speaker"
      name="speakers"
      value={names}
      onChange={setNames}
      suggestions={suggestions}
      errors={errors}
      hint="A name already on Hallway is the same person everywhere; others are created."
      placeholder="Type a name, press Enter"
      max={20}
      maxLength={120}
    />
  );
}

// ------------------------------------------------------------------ talks

export type TalkValues = {
  id: number;
  title: string;
  slug: string;
  kind: string;
  speakers: string[];
  abstract: string;
  talkUrl: string;
  presentationUrl: string;
  videoUrl: string;
  slidesUrl: string;
  videoPending: boolean;
  placement: string;
  startTime: string;
  durationMinutes: string;
  room: string;
};

function PlacementSelect({ groups, defaultValue, errors, label = 'Day and track' }: { groups: PlacementGroup[]; defaultValue?: string; errors?: string[]; label?: string }) {
  return (
    <Select label={label} name="placement" defaultValue={defaultValue} errors={errors}>
      <option value="">Not on a day yet</option>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}

export function TalkForm({
  conferenceId,
  groups,
  speakerSuggestions,
  timeZone,
  talk,
  defaultPlacement,
}: {
  conferenceId: number;
  groups: PlacementGroup[];
  speakerSuggestions: string[];
  timeZone: string;
  talk?: TalkValues;
  defaultPlacement?: string;
}) {
  const editing = !!talk;
  const [state, formAction] = useActionState(editing ? updateTalkAction : createTalkAction, initialActionState);
  const key = useResetKey(editing ? initialActionState : state);
  const e = state.fieldErrors ?? {};
  const typed = !state.ok ? state.values : undefined;
  const v = (name: keyof TalkValues, fallback = '') => typed?.[name] ?? (talk ? String(talk[name] ?? '') : fallback);
  return (
    <form key={key} action={formAction} noValidate className="space-y-4" aria-label={editing ? `Edit “${talk.title}”` : 'Add a talk'}>
      <input type="hidden" name="conferenceId" value={conferenceId} />
      {editing && <input type="hidden" name="talkId" value={talk.id} />}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field label="Title" name="title" required maxLength={200} defaultValue={v('title')} errors={e.title} />
        <Select label="Kind" name="kind" defaultValue={v('kind', 'talk')} errors={e.kind}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      {/* Keeps its chips through a failed submit; starts over (with the form) after an added talk. */}
      <SpeakerInput
        initial={talk?.speakers ?? []}
        suggestions={speakerSuggestions}
        errors={e.speakers}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <PlacementSelect groups={groups} defaultValue={v('placement', defaultPlacement ?? '')} errors={e.placement} />
        <Field label="Start time" name="startTime" type="time" defaultValue={v('startTime')} errors={e.startTime} hint={`In the conference’s zone (${timeZone}).`} />
        <Field label="Duration (minutes)" name="durationMinutes" type="number" min={1} max={1440} inputMode="numeric" defaultValue={v('durationMinutes')} errors={e.durationMinutes} />
      </div>
      <Field label="Room" name="room" maxLength={80} defaultValue={v('room')} errors={e.room} />
      <TextArea label="Abstract" name="abstract" defaultValue={v('abstract')} errors={e.abstract} rows={3} maxLength={5000} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-stone-900 dark:text-white">Links (http:// or https:// only)</legend>
        <Field label="Talk page" name="talkUrl" type="url" inputMode="url" defaultValue={v('talkUrl')} errors={e.talkUrl} placeholder="https://" />
        <Field label="Video" name="videoUrl" type="url" inputMode="url" defaultValue={v('videoUrl')} errors={e.videoUrl} placeholder="https://" />
        <Field label="Slides" name="slidesUrl" type="url" inputMode="url" defaultValue={v('slidesUrl')} errors={e.slidesUrl} placeholder="https://" />
        <Field label="Write-up with recording" name="presentationUrl" type="url" inputMode="url" defaultValue={v('presentationUrl')} errors={e.presentationUrl} placeholder="https://" />
      </fieldset>
      <CheckboxField
        label="Video not yet available"
        name="videoPending"
        defaultChecked={typed ? typed.videoPending === 'on' : (talk?.videoPending ?? false)}
        description="A recording is announced but has no address yet; ignored once a video link is set."
      />
      {editing && (
        <Field label="Slug" name="slug" maxLength={80} defaultValue={v('slug')} errors={e.slug} hint="Its address: /conferences/…/talks/<slug>." />
      )}
      <FormMessage state={state} />
      <SubmitButton pendingLabel={editing ? 'Saving the talk…' : 'Adding the talk…'}>{editing ? 'Save talk' : 'Add talk'}</SubmitButton>
    </form>
  );
}

/**
 * Remove a talk. One with ratings takes a second step that shows how many go with it; the server
 * only removes it when the count sent back matches (see deleteTalkAction).
 */
export function RemoveTalkButton({ talkId, title, returnToConference = false }: { talkId: number; title: string; returnToConference?: boolean }) {
  const [state, formAction] = useActionState(deleteTalkAction, initialActionState);
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const pendingCount = !state.ok && state !== dismissed ? state.values?.needsConfirmation : undefined;
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pendingCount) confirmRef.current?.focus();
  }, [pendingCount]);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="talkId" value={talkId} />
      {returnToConference && <input type="hidden" name="then" value="conference" />}
      {pendingCount ? (
        <div role="alertdialog" aria-label={`Remove “${title}” and its ratings?`} className="mt-2 space-y-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-50">
          <p>{state.message}</p>
          <input type="hidden" name="confirmRatings" value={pendingCount} />
          <div className="flex flex-wrap gap-2">
            <button ref={confirmRef} type="submit" className={buttonClass('danger')}>
              Remove the talk and its {pendingCount} rating{pendingCount === '1' ? '' : 's'}
            </button>
            <button type="button" onClick={() => setDismissed(state)} className={buttonClass('ghost')}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <>
          <button type="submit" aria-label={`Remove “${title}”`} className="text-sm font-medium text-red-700 hover:underline dark:text-red-400">
            Remove
          </button>
          {!state.ok && state.message && <FormMessage state={state} />}
        </>
      )}
    </form>
  );
}

// ------------------------------------------------------------------ paste a list

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pasteSummary = (talks: number, problems: number) => `${plural(talks, 'talk')} recognised${problems ? `, ${plural(problems, 'line')} to fix` : ''}`;

/** What the pasted list adds, line by line, before anything is created: times read, bad lines flagged. */
function PastePreview({ lines }: { lines: PastedLine[] }) {
  const cell = 'px-3 py-1.5 align-top';
  return (
    <div className="max-h-80 overflow-auto rounded-lg border border-stone-200 dark:border-stone-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">What this list adds</caption>
        <thead className="sticky top-0 bg-stone-50 text-xs uppercase tracking-wide text-stone-500 dark:bg-stone-900 dark:text-stone-400">
          <tr>
            <th scope="col" className={cell}>Line</th>
            <th scope="col" className={cell}>Time</th>
            <th scope="col" className={cell}>Title</th>
            <th scope="col" className={cell}>Speakers</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
          {lines.map((l) =>
            l.talk ? (
              <tr key={l.line} className="text-stone-800 dark:text-stone-200">
                <td className={`${cell} tabular-nums text-stone-500`}>{l.line}</td>
                <td className={`${cell} font-mono`}>{l.talk.startTime}</td>
                <td className={`${cell} font-medium`}>{l.talk.title}</td>
                <td className={cell}>{l.talk.speakers.length ? l.talk.speakers.join(', ') : <span className="text-stone-500">no speaker</span>}</td>
              </tr>
            ) : (
              <tr key={l.line} className="bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-100">
                <td className={`${cell} tabular-nums`}>{l.line}</td>
                <td colSpan={3} className={cell}>
                  <span className="font-medium">{l.problem}</span> <span className="break-all font-mono text-xs">{l.text}</span>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function PasteTalksForm({ conferenceId, groups, defaultPlacement }: { conferenceId: number; groups: PlacementGroup[]; defaultPlacement: string }) {
  const [state, formAction] = useActionState(pasteTalksAction, initialActionState);
  const key = useResetKey(state);
  const [text, setText] = useState('');
  useEffect(() => {
    if (state.ok) setText('');
  }, [state]);
  // The form resets its selects after every answer: remounted, they show what was sent (or, once
  // a day is added, the new default) instead of their first value.
  const [answers, setAnswers] = useState(0);
  useEffect(() => setAnswers((n) => n + 1), [state]);
  const parsed = parseTalkList(text);
  const e = state.fieldErrors ?? {};
  const id = useId();
  return (
    <form key={key} action={formAction} noValidate className="space-y-4" aria-label="Paste a list of talks">
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <div key={`${answers}-${defaultPlacement}`} className="grid gap-4 sm:grid-cols-2">
        <PlacementSelect groups={groups} defaultValue={state.ok ? defaultPlacement : (state.values?.placement ?? defaultPlacement)} errors={e.placement} label="Add them to" />
        <Select label="Kind" name="kind" defaultValue={state.values?.kind ?? 'talk'} errors={e.kind}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <TextArea
        label="Talks, one per line"
        name="list"
        value={text}
        onChange={(ev) => setText(ev.target.value)}
        errors={e.list}
        rows={7}
        className={`${inputClass} font-mono text-sm`}
        placeholder={'Streams and tables — Tyler Akidau\n09:30 Scaling Kafka at Uber — Jane Doe, John Roe'}
        hint="“Title — Speaker, Speaker”. An en dash or “ - ” works too; a leading time (09:30) sets the start time."
      />
      <div aria-live="polite" id={`${id}-preview`} className="text-sm font-medium text-stone-800 dark:text-stone-200">
        {parsed.lines.length > 0 && <p>{pasteSummary(parsed.talks.length, parsed.problems.length)}</p>}
      </div>
      {parsed.lines.length > 0 && <PastePreview lines={parsed.lines} />}
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Adding the talks…">{parsed.talks.length > 1 ? `Add ${parsed.talks.length} talks` : 'Add talks'}</SubmitButton>
    </form>
  );
}
