import { STAR_LABELS } from '@/lib/ratings';

/**
 * The stars as ONE group of native radios (so they post with a form, with or without JavaScript),
 * drawn by `.star-radios` in app/globals.css. Each radio's name is "1 star – poor" … "5 stars –
 * excellent".
 *
 * With `onPick`, a choice saves at once: a tap or a click, Space on a star, or Enter. Arrow keys
 * only move between the stars (the browser would check each star it passes, and so save each):
 * they move the focus, and Enter or Space saves the star it rests on.
 */
export const STARS = [1, 2, 3, 4, 5] as const;

export function starLabel(n: (typeof STARS)[number]): string {
  return `${n} ${n === 1 ? 'star' : 'stars'} – ${STAR_LABELS[n]}`;
}

type Props = {
  name: string;
  value: number | null;
  /** The group's accessible name, e.g. "Your stars for “Title”". */
  label: string;
  onPick?: (stars: number) => void;
  disabled?: boolean;
  describedBy?: string;
};

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function StarRadios({ name, value, label, onPick, disabled, describedBy }: Props) {
  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (!onPick) return;
    const input = event.currentTarget;
    const radios = [...input.closest('[role=radiogroup]')!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    const at = radios.indexOf(input);
    let to: number | null = null;
    if (event.key in NEXT) to = (at + NEXT[event.key] + radios.length) % radios.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = radios.length - 1;
    if (to !== null) {
      event.preventDefault();
      radios[to].focus();
    } else if (event.key === 'Enter') {
      // Enter in a form field would submit the whole form; here it saves the focused star.
      event.preventDefault();
      onPick(Number(input.value));
    }
  }
  return (
    <span role="radiogroup" aria-label={label} aria-describedby={describedBy} className="star-radios">
      {STARS.map((n) => (
        <label key={n}>
          <input
            type="radio"
            name={name}
            value={n}
            {...(onPick ? { checked: value === n, onChange: () => onPick(n) } : { defaultChecked: value === n })}
            disabled={disabled}
            onKeyDown={onKeyDown}
            className="sr-only"
          />
          <span aria-hidden="true">★</span>
          <span className="sr-only">{starLabel(n)}</span>
        </label>
      ))}
    </span>
  );
}
