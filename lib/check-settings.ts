/** Loads lib/env.ts (which validates every setting) or stops the process with its message. */
export async function checkSettingsOrExit(): Promise<void> {
  try {
    await import('./env');
  } catch (error) {
    console.error(`\nHallway cannot start.\n${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
