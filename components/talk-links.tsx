import type { TalkCard } from '@/db/queries';

type Links = Pick<TalkCard, 'talkUrl' | 'presentationUrl' | 'videoUrl' | 'slidesUrl' | 'videoPending' | 'title'>;

// app/globals.css: a short class, since every talk of a day list repeats it.
const external = 'link-accent';

/** The talk's outside links: its page on the conference's site, the recording, the slides. */
export function TalkLinks(talk: Links) {
  const items: React.ReactNode[] = [];
  // Hallway's own talk page is behind the title; this one leaves the site, and says so.
  if (talk.talkUrl) {
    items.push(
      <a key="page" className={external} href={talk.talkUrl} rel="noopener noreferrer">
        On the conference site<span aria-hidden="true"> ↗</span>
        <span className="sr-only">{`: ${talk.title}`}</span>
      </a>,
    );
  }
  if (talk.presentationUrl) items.push(<a key="pres" className={external} href={talk.presentationUrl} rel="noopener noreferrer">Presentation<span className="sr-only">{` recording of ${talk.title}`}</span></a>);
  if (talk.videoUrl) items.push(<a key="video" className={external} href={talk.videoUrl} rel="noopener noreferrer">Video<span className="sr-only">{` of ${talk.title}`}</span></a>);
  else if (talk.videoPending) items.push(<span key="pending" className="text-stone-500 dark:text-stone-400">Video not yet available</span>);
  if (talk.slidesUrl) items.push(<a key="slides" className={external} href={talk.slidesUrl} rel="noopener noreferrer">Slides<span className="sr-only">{` of ${talk.title}`}</span></a>);
  if (items.length === 0) return null;
  return (
    <ul className="talk-links" aria-label="Links">
      {items.map((item, i) => <li key={i}>{item}</li>)}
    </ul>
  );
}
