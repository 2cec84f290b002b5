import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from './database-path';

/**
 * Every setting Hallway reads from the environment, validated once.
 * Nothing else in the code base reads `process.env` directly.
 */

// An empty variable (`AUTH_GITHUB_ID=`) means "unset", as in most .env tooling.
const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), type.optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** Public base URL used in feeds, sitemaps, canonical links and e-mails. */
  SITE_URL: z.url().default('http://localhost:3000'),
  /** `false` keeps a new database empty instead of loading the demo journal. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Signs and encrypts session cookies. Required when SITE_URL is not a localhost URL; on the
   * embedded default one is generated into `<data dir>/auth-secret` (owner-only) and reused.
   */
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters (try `openssl rand -base64 32`)')),
  /** "Sign in with GitHub" appears when both are set (a GitHub OAuth app's client id and secret). */
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  /** A generic OpenID Connect provider (Keycloak, Authentik, Google…) appears when all three are set. */
  AUTH_OIDC_ISSUER: optional(z.url()),
  AUTH_OIDC_ID: optional(z.string()),
  AUTH_OIDC_SECRET: optional(z.string()),
  /** The label of the OIDC button: "Continue with <name>". */
  AUTH_OIDC_NAME: optional(z.string().max(40)),
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For. 0 (the default):
   * the socket address is the client's, and the header, which any client can write, is ignored.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * FOR TESTS ONLY: addresses (or CIDR ranges, comma-separated) a schedule URL import may reach
   * although they are loopback or private, so the tests can serve files from this machine.
   */
  SCHEDULE_FETCH_ALLOW: optional(z.string()),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`Invalid configuration:\n${problems}`);
}

const databasePath = path.resolve(parsed.data.DATABASE_PATH);
const siteUrl = parsed.data.SITE_URL.replace(/\/+$/, '');

/** The folder that holds the database, uploads and the generated auth secret. */
export const dataDir = path.dirname(databasePath);

/** True when SITE_URL points at this machine: the embedded default, not a real deployment. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '[::1]';
}

export const authSecretFile = path.join(dataDir, 'auth-secret');

/**
 * AUTH_SECRET from the environment; otherwise, on a localhost SITE_URL only, the secret kept in the
 * data folder (generated on first use, mode 0600). A real deployment without AUTH_SECRET refuses to
 * start: a secret that silently changes, or is shared by every install, would let anyone forge sessions.
 */
function resolveAuthSecret(): string | undefined {
  if (parsed.data!.AUTH_SECRET) return parsed.data!.AUTH_SECRET;
  // `next build` renders pages but never signs a session: no secret needed, and no files written.
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  if (!isLocalUrl(siteUrl)) {
    if (building) return undefined;
    throw new Error(
      `AUTH_SECRET is not set, and SITE_URL (${siteUrl}) is not a localhost address.\n` +
        'A deployment needs its own secret to sign session cookies. Generate one with\n' +
        '  openssl rand -base64 32\n' +
        'and set it as AUTH_SECRET in the environment (at least 32 characters).',
    );
  }
  if (!fs.existsSync(authSecretFile)) {
    if (building) return undefined;
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // `wx`: when two processes race, the second one reads the first one's secret.
      fs.writeFileSync(authSecretFile, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = fs.readFileSync(authSecretFile, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${authSecretFile} holds no usable secret: delete it to have a new one generated.`);
  return secret;
}

export const env = {
  ...parsed.data,
  DATABASE_PATH: databasePath,
  SITE_URL: siteUrl,
  AUTH_SECRET: resolveAuthSecret(),
};
