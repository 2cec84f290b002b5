import Link from 'next/link';
import { SearchBox } from './search-box';
import { ThemeToggle } from './theme-toggle';

const nav = [
  { href: '/', label: 'Recaps' },
  { href: '/conferences', label: 'Conferences' },
  { href: '/speakers', label: 'Speakers' },
];

export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur dark:border-stone-800 dark:bg-stone-950/80">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-stone-900 dark:text-white">
          <svg aria-hidden="true" viewBox="0 0 64 64" className="size-7">
            <rect width="64" height="64" rx="14" fill="#c2410c" />
            <path d="M18 14v36M46 14v36M18 32h28" stroke="#fff" strokeWidth="7" strokeLinecap="round" />
          </svg>
          Hallway
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1 text-sm font-medium">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="rounded-md px-3 py-2 text-stone-600 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SearchBox />
          <ThemeToggle />
          {account}
        </div>
      </div>
    </header>
  );
}
