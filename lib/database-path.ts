/** Where the journal lives unless DATABASE_PATH says otherwise (read by lib/env.ts, and by tools that must not load it). */
export const DEFAULT_DATABASE_PATH = 'data/hallway.db';
