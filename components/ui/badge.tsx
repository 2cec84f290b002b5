export function Badge({ children, tone = 'stone' }: { children: React.ReactNode; tone?: 'stone' | 'accent' | 'sky' }) {
  const tones = {
    stone: 'bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300',
    accent: 'bg-accent-100 text-accent-800 dark:bg-accent-950 dark:text-accent-200',
    sky: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200',
  };
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>;
}
