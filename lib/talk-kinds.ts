/** Talk kinds as the forms offer them (db/schema.ts TALK_KINDS, with labels); safe for client code. */
export const TALK_KIND_OPTIONS = [
  ['talk', 'Talk'],
  ['keynote', 'Keynote'],
  ['panel', 'Panel'],
  ['ama', 'AMA'],
  ['workshop', 'Workshop'],
  ['lightning', 'Lightning talk'],
] as const;

export const TALK_KIND_LABELS = Object.fromEntries(TALK_KIND_OPTIONS) as Record<(typeof TALK_KIND_OPTIONS)[number][0], string>;
