/** The frame of the sign-in, sign-up and setup pages: a narrow card, centred, with a heading. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro?: React.ReactNode; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md py-4 sm:py-10">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8 dark:border-stone-800 dark:bg-stone-900/60">
        <h1 className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">{title}</h1>
        {intro && <div className="mt-2 text-sm text-stone-600 dark:text-stone-400">{intro}</div>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-6 text-center text-sm text-stone-600 dark:text-stone-400">{footer}</div>}
    </div>
  );
}

export const linkClass =
  'font-semibold text-accent-700 underline-offset-2 hover:underline dark:text-accent-400';
