/**
 * Runs once when the Next.js server starts. Loading the settings here makes a misconfigured
 * deployment (for example a real SITE_URL without AUTH_SECRET) refuse to start with a readable
 * message, instead of starting and failing every request. `npm start` checks the same thing earlier.
 */
export async function register() {
  // NEXT_RUNTIME is Next's own build-time switch (not configuration): it keeps the Node-only check
  // out of the edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkSettingsOrExit } = await import('./lib/check-settings');
    await checkSettingsOrExit();
  }
}
