/**
 * How a day's programme is shown — list or grid, filtered by track, room or the reader's agenda —
 * is read from the address (`?view=grid&track=…&room=…&mine=1`, so a view can be shared) and the
 * last view chosen (localStorage), in the browser: the page itself is cached and the same for
 * everyone. The talks carry `data-talk`, `data-track` and `data-room`; a stylesheet written here
 * hides the ones a filter leaves out, and the time groups left empty.
 *
 * `applyProgramme` runs twice: inlined into the page as a script before the programme (its source
 * is the script, so it must not use anything from outside its own body), so a shared or
 * remembered view is there on first paint; then from the controls on every change.
 */

export type ProgrammeState = { view: 'list' | 'grid'; track: string; room: string; mine: boolean };
/** The state, and the selector of the talks it shows. */
export type AppliedProgramme = ProgrammeState & { shown: string };

/** Where the last view chosen is kept (the same literal is in applyProgramme, which cannot import). */
export const PROGRAMME_VIEW_KEY = 'hallway.programme-view';

/**
 * Applies the address's view and filters to the page and returns them. `mineIds`: the reader's
 * agenda, once known; until then "only my agenda" filters nothing.
 */
export function applyProgramme(mineIds?: number[] | null): AppliedProgramme {
  const root = document.documentElement;
  const params = new URLSearchParams(location.search);
  let view = params.get('view');
  if (view !== 'grid' && view !== 'list') {
    try {
      view = localStorage.getItem('hallway.programme-view');
    } catch {
      view = null;
    }
  }
  const state: ProgrammeState = {
    view: view === 'grid' ? 'grid' : 'list',
    track: params.get('track') || '',
    room: params.get('room') || '',
    mine: params.get('mine') === '1',
  };
  root.setAttribute('data-programme-view', state.view);

  // A CSS string: only backslash, quote and line breaks need care (set as text, never parsed as HTML).
  const quote = (s: string) => '"' + s.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ') + '"';
  let shown = '[data-talk]';
  if (state.track) shown += '[data-track=' + quote(state.track) + ']';
  if (state.room) shown += '[data-room=' + quote(state.room) + ']';
  if (state.mine && mineIds) {
    shown += mineIds.length ? ':is(' + mineIds.map((id) => '[data-talk="' + Math.trunc(id) + '"]').join(',') + ')' : ':not([data-talk])';
  }
  const css =
    shown === '[data-talk]'
      ? ''
      : '#programme [data-talk]:not(' + shown + '){display:none}#programme [data-group]:not(:has(' + shown + ')){display:none}';
  let style = document.getElementById('programme-filter');
  if (!style) {
    style = document.createElement('style');
    style.id = 'programme-filter';
    document.head.appendChild(style);
  }
  style.textContent = css;
  return Object.assign({ shown }, state);
}
