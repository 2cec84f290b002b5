/**
 * `npm run user:create -- --email you@example.com --role admin [--name "Your Name"]`
 *
 * Creates an account from the command line, e.g. the first admin of a database started with
 * SEED_DEMO=false. Asks for the password twice without echoing it; without a terminal (a pipe, CI)
 * it reads a single line from stdin instead: `printf '%s\n' "$PASSWORD" | npm run user:create -- …`.
 * Runs with the `react-server` condition so it can share db/users.ts (which is `server-only`).
 */
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm run user:create -- --email <address> [--role reader|author|admin] [--name "Display name"]';

function fail(message: string): never {
  console.error(`\n${message}`);
  process.exit(1);
}

/** Reads one line from the terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  return new Promise((resolve) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stdout.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Without a terminal: the first line of stdin. */
async function readLine(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string', default: 'reader' }, name: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }

  const { emailSchema, nameSchema, passwordProblem, roleSchema } = await import('@/lib/auth/validation');
  const email = emailSchema.safeParse(args.email ?? '');
  if (!args.email || !email.success) fail(`A valid --email is required.\n${USAGE}`);
  const role = roleSchema.safeParse(args.role);
  if (!role.success) fail(`--role must be reader, author or admin.\n${USAGE}`);
  const name = nameSchema.safeParse(args.name ?? email.data.split('@')[0]);
  if (!name.success) fail(`--name: ${name.error.issues[0].message}`);

  let password: string;
  if (process.stdin.isTTY) {
    password = (await promptHidden(`Password for ${email.data}: `)).normalize('NFC');
    const problem = passwordProblem(password, email.data);
    if (problem) fail(`Password refused: ${problem}`);
    const again = (await promptHidden('Repeat the password: ')).normalize('NFC');
    if (again !== password) fail('The two passwords are different. Nothing was created.');
  } else {
    password = (await readLine()).normalize('NFC');
    const problem = passwordProblem(password, email.data);
    if (problem) fail(`Password refused: ${problem}`);
  }

  const { prepareDataFolder } = await import('./prepare');
  await prepareDataFolder(); // migrations (and the demo journal, on an empty database unless SEED_DEMO=false)
  const { hashPassword } = await import('@/lib/password');
  const { openDatabase } = await import('@/db/index');
  const { createUser } = await import('@/db/users');
  const { env } = await import('@/lib/env');

  const db = openDatabase(env.DATABASE_PATH);
  const created = createUser({ email: email.data, name: name.data, role: role.data, passwordHash: await hashPassword(password) }, db);
  db.$client.close();
  if (!created.ok) fail(`An account with the email ${email.data} already exists. Nothing was created.`);
  console.log(`Created ${role.data} ${created.user.email} (${created.user.name}, @${created.user.handle}).`);
  process.exit(0);
}

await main();
