import { describe, expect, it } from 'vitest';
import { matchTalk, titleOverlap, type KnownTalk } from './match';

const known = (over: Partial<KnownTalk> & { id: number; title: string }): KnownTalk => ({
  slug: `t${over.id}`, talkUrl: null, presentationUrl: null, slidesUrl: null, videoUrl: null, speakers: [], ...over,
});
const conference: KnownTalk[] = [
  known({ id: 1, title: 'Ropes and Knots: A Field Guide', speakers: ['Mira Holm'], talkUrl: 'https://lakeside.example/talks/ropes' }),
  known({ id: 2, title: 'Paper Planes', speakers: ['Teo Vance'], slidesUrl: 'https://speakerdeck.com/tv/planes' }),
  known({ id: 3, title: 'Paper Planes', speakers: ['Jo Park'] }),
  known({ id: 4, title: 'Lantern Design for Night Owls', speakers: [] }),
];

describe('matching a recap’s talk to the conference’s', () => {
  it('by page, then by slides or video, whatever the title says', () => {
    expect(matchTalk({ title: 'Knots!', url: 'http://www.lakeside.example/talks/ropes/', speakers: [], links: [] }, conference)).toMatchObject({ talkId: 1, by: 'page' });
    expect(matchTalk({ title: 'Planes, folded', url: null, speakers: [], links: [{ url: 'https://speakerdeck.com/tv/planes' }] }, conference)).toMatchObject({ talkId: 2, by: 'link' });
  });

  it('by title and speaker: the same title by someone else is another talk', () => {
    expect(matchTalk({ title: 'paper planes', url: null, speakers: ['Jo Park'], links: [] }, conference)).toMatchObject({ talkId: 3, by: 'title and speaker' });
    expect(matchTalk({ title: 'Paper Planes', url: null, speakers: ['Ann Lee'], links: [] }, [conference[1]])).toEqual({ kind: 'new' });
    expect(matchTalk({ title: 'Lantern design for night owls', url: null, speakers: ['Rosa Lind'], links: [] }, conference)).toMatchObject({ talkId: 4, by: 'title' });
  });

  it('a shortened title by the same speaker, or the start of a longer one', () => {
    expect(matchTalk({ title: 'Ropes and Knots', url: null, speakers: ['M. Holm'], links: [] }, conference)).toMatchObject({ talkId: 1, by: 'similar title' });
    expect(matchTalk({ title: 'Lantern Design', url: null, speakers: [], links: [] }, conference)).toMatchObject({ talkId: 4, by: 'similar title' });
    expect(matchTalk({ title: 'Tiny Caches', url: null, speakers: ['Bo Chen'], links: [] }, conference)).toEqual({ kind: 'new' });
  });

  it('never links two talks of one post to the same talk', () => {
    const taken = new Set([2]);
    expect(matchTalk({ title: 'Paper Planes', url: null, speakers: [], links: [{ url: 'https://speakerdeck.com/tv/planes' }] }, conference, taken)).toMatchObject({ talkId: 3 });
    expect(titleOverlap('The Paper Planes', 'Paper planes: folding at scale')).toBe(1);
  });
});
