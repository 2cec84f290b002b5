/**
 * Before first paint, marks the page (`data-programme-now` on the root) when the reader's clock is
 * between `from` and `until`: the "Now / Next" box takes its space only then, so it never pushes
 * the page down after loading. Numbers only go into the script (the front server adds its nonce).
 */
export function NowWindowScript({ from, until }: { from: number; until: number }) {
  const script = `(function(n){if(n>=${Math.trunc(from)}&&n<${Math.trunc(until)})document.documentElement.setAttribute('data-programme-now','')})(Date.now())`;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
