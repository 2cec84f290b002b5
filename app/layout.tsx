import type { Metadata, Viewport } from 'next';
import { AccountMenu } from '@/components/account-menu';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { ThemeProvider } from '@/components/theme-provider';
import { SITE_LOCALE } from '@/lib/dates';
import { env } from '@/lib/env';
import { pageAlternates, SITE_NAME } from '@/lib/seo';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: 'Hallway — conference recaps', template: '%s · Hallway' },
  description: 'Recaps of tech conferences, with every day’s talks by track and what attendees thought of them.',
  applicationName: 'Hallway',
  // Feed links for every page; pages with a canonical URL rebuild them through lib/seo.ts.
  alternates: pageAlternates(undefined),
  openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_GB' },
  twitter: { card: 'summary' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0c0a09' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // next-themes sets the `dark` class before paint, so React must not complain about it.
    <html lang={SITE_LOCALE} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-white font-sans text-stone-800 antialiased dark:bg-stone-950 dark:text-stone-200">
        <ThemeProvider>
          <a
            href="#content"
            className="sr-only z-50 rounded-md bg-accent-700 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
          >
            Skip to content
          </a>
          <SiteHeader account={<AccountMenu />} />
          <main id="content" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </ThemeProvider>
      </body>
    </html>
  );
}
