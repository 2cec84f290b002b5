'use client';

import { useEffect, useRef, useState } from 'react';
import { PROSE_CLASSES } from './prose';


/**
 * Live preview: the markdown goes to /write/preview (the readers' sanitizing pipeline) a moment
 * after typing stops; the last answer stays on screen meanwhile, so nothing jumps. The HTML is
 * the pipeline's sanitized output, the same bytes a reader's page would carry.
 */
export function Preview({ markdown, initialHtml, initialMarkdown, title }: { markdown: string; initialHtml: string; initialMarkdown: string; title: string }) {
  const [html, setHtml] = useState(initialHtml);
  const [rendered, setRendered] = useState(initialMarkdown);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (markdown === rendered) return;
    const timer = setTimeout(async () => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      setBusy(true);
      try {
        const res = await fetch('/write/preview', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ markdown }),
          signal: ac.signal,
        });
        const data = (await res.json().catch(() => ({}))) as { html?: string; error?: string };
        if (!res.ok || typeof data.html !== 'string') {
          setProblem(data.error ?? 'The preview could not be updated.');
        } else {
          setHtml(data.html);
          setRendered(markdown);
          setProblem(null);
        }
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem('The preview could not be updated: no connection.');
      } finally {
        if (controller.current === ac) setBusy(false);
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [markdown, rendered]);

  useEffect(() => () => controller.current?.abort(), []);

  return (
    <div className="flex h-full flex-col">
      <p className="flex h-6 items-center gap-2 px-1 text-xs text-stone-500 dark:text-stone-400" aria-live="polite">
        {problem ? <span className="text-red-700 dark:text-red-400">{problem}</span> : busy ? 'Updating preview…' : 'Preview, as readers will see it'}
      </p>
      <div className="min-h-0 flex-1 overflow-y-auto rounded-lg border border-stone-200 bg-white px-5 py-4 dark:border-stone-800 dark:bg-stone-950" tabIndex={0} aria-label="Preview">
        {title.trim() && <h1 className="mb-4 text-3xl font-bold tracking-tight text-balance text-stone-900 dark:text-white">{title}</h1>}
        {html ? (
          <div className={PROSE_CLASSES} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="text-stone-400 dark:text-stone-500">Nothing to preview yet: start writing on the left.</p>
        )}
      </div>
    </div>
  );
}
