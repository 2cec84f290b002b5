/** Button looks shared by forms and links; variants mirror the 404 page's buttons. */
export const buttonStyles = {
  base: 'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60',
  // accent-600 under white text is 3.6:1; accent-700 keeps AA contrast in both themes.
  primary: 'bg-accent-700 text-white hover:bg-accent-800',
  secondary:
    'border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800',
  danger: 'bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-700',
  ghost: 'text-stone-700 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800',
} as const;

export type ButtonVariant = Exclude<keyof typeof buttonStyles, 'base'>;

export function buttonClass(variant: ButtonVariant = 'primary', extra = ''): string {
  return `${buttonStyles.base} ${buttonStyles[variant]} ${extra}`.trim();
}
