'use client';

import { useRef } from 'react';
import type { FormatKind } from './format';

type Tool = { kind: FormatKind | 'image'; label: string; shortcut?: string; icon: React.ReactNode };

const icon = (d: React.ReactNode) => (
  <svg aria-hidden="true" viewBox="0 0 24 24" className="size-[18px]" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    {d}
  </svg>
);

const TOOLS: Tool[] = [
  { kind: 'heading', label: 'Heading', icon: icon(<path d="M6 4v16M18 4v16M6 12h12" />) },
  { kind: 'bold', label: 'Bold', shortcut: 'B', icon: icon(<path d="M7 4h6.5a4 4 0 0 1 0 8H7zM7 12h7.5a4 4 0 0 1 0 8H7z" />) },
  { kind: 'link', label: 'Link', shortcut: 'K', icon: icon(<path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />) },
  { kind: 'image', label: 'Upload image', icon: icon(<><rect x="3" y="4" width="18" height="16" rx="2" /><circle cx="9" cy="10" r="2" /><path d="m21 16-5-5-9 9" /></>) },
  { kind: 'quote', label: 'Quote', icon: icon(<path d="M7 7h4v4H7zM7 11c0 3-1 5-3 6M15 7h4v4h-4zM15 11c0 3-1 5-3 6" />) },
  { kind: 'code', label: 'Code', icon: icon(<path d="m8 8-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14" />) },
  { kind: 'more', label: 'Excerpt break (<!-- more -->)', icon: icon(<><path d="M4 12h3M10.5 12h3M17 12h3" /><path d="M6 6h12M6 18h12" /></>) },
];

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (the ARIA toolbar
 * pattern). Every button has a name; shortcuts are in the title and `aria-keyshortcuts`.
 */
export function Toolbar({
  controls,
  onFormat,
  onImage,
  disabled,
}: {
  controls: string;
  onFormat: (kind: FormatKind) => void;
  onImage: () => void;
  disabled?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index === -1) return;
    let next = index;
    if (e.key === 'ArrowRight') next = (index + 1) % buttons.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else return;
    e.preventDefault();
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    buttons[next].focus();
  }

  return (
    <div ref={ref} role="toolbar" aria-label="Formatting" aria-controls={controls} onKeyDown={onKeyDown} className="flex items-center gap-0.5">
      {TOOLS.map((tool, i) => (
        <button
          key={tool.kind}
          type="button"
          tabIndex={i === 0 ? 0 : -1}
          disabled={disabled}
          aria-label={tool.label}
          aria-keyshortcuts={tool.shortcut ? `Control+${tool.shortcut} Meta+${tool.shortcut}` : undefined}
          title={tool.shortcut ? `${tool.label} (${mac ? '⌘' : 'Ctrl+'}${tool.shortcut})` : tool.label}
          onMouseDown={(e) => e.preventDefault() /* keep the textarea's selection */}
          onClick={() => (tool.kind === 'image' ? onImage() : onFormat(tool.kind))}
          className="inline-flex size-9 items-center justify-center rounded-md text-stone-600 hover:bg-stone-200/70 hover:text-stone-900 disabled:opacity-50 dark:text-stone-300 dark:hover:bg-stone-700 dark:hover:text-white"
        >
          {tool.icon}
        </button>
      ))}
    </div>
  );
}
