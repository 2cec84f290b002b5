'use client';

import { ThemeProvider as NextThemesProvider } from 'next-themes';

/** System preference by default; the toggle's choice persists in localStorage. */
export function ThemeProvider({ children }: { children: React.ReactNode }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </NextThemesProvider>
  );
}
