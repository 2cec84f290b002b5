import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Hallway reads from the environment, validated once.
 * Nothing else in the code base reads `process.env` directly.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('data/hallway.db'),
  /** Public base URL used in feeds, sitemaps, canonical links and e-mails. */
  SITE_URL: z.url().default('http://localhost:3000'),
  /** `false` keeps a new database empty instead of loading the demo journal. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  AUTH_SECRET: z.string().min(32).optional(),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`Invalid configuration:\n${problems}`);
}

export const env = {
  ...parsed.data,
  DATABASE_PATH: path.resolve(parsed.data.DATABASE_PATH),
  SITE_URL: parsed.data.SITE_URL.replace(/\/+$/, ''),
};

/** The folder that holds the database, uploads and the generated auth secret. */
export const dataDir = path.dirname(env.DATABASE_PATH);
