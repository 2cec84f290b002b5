import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exits with status 2 (declared by type where it is kept, so TypeScript knows it does not return). */
export type Usage = (message?: string) => never;

/**
 * The command-line conventions every Hallway command follows: `-h`/`--help` prints the usage on
 * stdout and exits 0; bad usage prints `command: message`, then the usage, on stderr and exits 2.
 * `config.options` must declare `help` (`{ type: 'boolean', short: 'h' }`).
 */
export function commandLine<const T extends ParseArgsConfig>(command: string, usageText: string, config: T) {
  const usage: Usage = (message) => {
    if (message) console.error(`${command}: ${message}\n`);
    console.error(usageText);
    process.exit(2);
  };
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usageText);
    process.exit(0);
  }
  return { ...parsed, usage };
}
