/**
 * What a planned talk turns into once it has started: the way to its rating. It leads to the
 * talk's rating form; a rating right here can take its place without changing the callers.
 */
export function DidYouSeeIt({ href, talkTitle }: { href: string; talkTitle: string }) {
  return (
    <a href={href} className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">
      Did you see it?<span className="sr-only"> Rate “{talkTitle}”</span>
    </a>
  );
}
