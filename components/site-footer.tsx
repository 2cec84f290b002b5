import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-8 text-sm text-stone-500 sm:flex-row sm:justify-between sm:px-6 dark:text-stone-400">
        <p>Hallway — conference recaps, talk by talk.</p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li><Link className="hover:underline" href="/conferences">Conferences</Link></li>
            <li><Link className="hover:underline" href="/speakers">Speakers</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
