import { z } from 'zod';
import { TALK_KINDS } from '@/db/schema';
import { SLUG_PATTERN } from './slug';

/**
 * Field rules shared by the authoring actions (app/write/**). Every message is written for the
 * person filling the form: it appears next to the field (see lib/action.ts).
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const idSchema = z.coerce.number({ message: 'Missing id.' }).int().positive();
export const optionalId = z.preprocess(blankToUndefined, idSchema.optional()).transform((v) => v ?? null);

/** A checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean());

/** Trimmed text; blank becomes null. */
export const optionalText = (max: number, label = 'This') =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().max(max, `${label} is too long: at most ${max} characters.`).optional(),
    // Forms send CRLF line breaks; stored text uses LF.
  ).transform((v) => v?.replace(/\r\n?/g, '\n') ?? null);

export const requiredText = (max: number, message: string) =>
  z.string({ message }).trim().min(1, message).max(max, `At most ${max} characters.`);

/** A repeated form field (`name` several times) as an array, whatever the count. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

/** An optional link: only http:// and https:// (a `javascript:` link on a talk page would run). */
export const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(2000, 'At most 2000 characters.')
    .refine(isHttpUrl, 'Use a full web address starting with http:// or https://.')
    .optional(),
).transform((v) => v ?? null);

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 1990 && +m[1] <= 2100;
}

export const dateSchema = z
  .string({ message: 'Enter a date.' })
  .trim()
  .min(1, 'Enter a date.')
  .refine(isCalendarDate, 'Enter a real date as YYYY-MM-DD (between 1990 and 2100).');

export const optionalTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM, e.g. 09:30.')
    .optional(),
).transform((v) => v ?? null);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ message: 'Pick a time zone.' })
  .trim()
  .min(1, 'Pick a time zone.')
  .refine(isTimeZone, 'Use a time zone name such as Europe/London or America/New_York.');

export const optionalSlug = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(80, 'At most 80 characters.')
    .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, e.g. qcon-london-2018.')
    .optional(),
).transform((v) => v ?? null);

export const talkKindSchema = z.enum(TALK_KINDS, { message: 'Pick the kind of session.' });

/**
 * Where a talk sits: `"<dayId>:"` (a day, outside any track), `"<dayId>:<trackId>"`, or `""`
 * (not placed yet). One select with a group per day keeps day and track consistent.
 */
export const placementSchema = z
  .preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^(?:\d+:\d*)?$/, 'Pick a day and track.'))
  .transform((v) => {
    if (!v) return { dayId: null, trackId: null };
    const [day, track] = v.split(':');
    return { dayId: Number(day), trackId: track ? Number(track) : null };
  });

export const speakerNames = list(z.string().trim().max(120, 'A speaker’s name is at most 120 characters.'))
  .transform((names) => names.filter(Boolean))
  .refine((names) => names.length <= 20, 'At most 20 speakers.');

// ------------------------------------------------------------------ named fields
// One rule per field, used by the forms and by the Jekyll import alike: an imported recap meets
// exactly the limits of one typed in the editor.

export const MAX_CATEGORIES = 10;
export const MAX_CATEGORY_NAME = 40;
export const MAX_POST_TITLE = 200;
export const MAX_POST_BODY = 200_000;
export const MAX_NOTE = 20_000;
export const MAX_TALKS_PER_RECAP = 200;

export const postTitleSchema = z.string().max(MAX_POST_TITLE, `At most ${MAX_POST_TITLE} characters.`);
export const postBodySchema = z.string().max(MAX_POST_BODY, `This recap is longer than ${MAX_POST_BODY.toLocaleString('en')} characters: split it into two.`);
export const noteSchema = z.string().max(MAX_NOTE, `A note is at most ${MAX_NOTE.toLocaleString('en')} characters.`);
export const categoryNames = list(z.string().trim().max(MAX_CATEGORY_NAME, `A category name is at most ${MAX_CATEGORY_NAME} characters.`))
  .transform((names) => names.filter(Boolean))
  .refine((names) => names.length <= MAX_CATEGORIES, `At most ${MAX_CATEGORIES} categories.`);

export const conferenceName = requiredText(120, 'Enter the conference’s name.');
export const cityText = optionalText(80, 'The city');
export const locationText = optionalText(160, 'The location');
export const dayTheme = optionalText(120, 'The theme');
export const trackName = requiredText(120, 'Enter the track’s name.');
export const hostName = optionalText(120, 'The host’s name');
export const talkTitle = requiredText(200, 'Enter the talk’s title.');
