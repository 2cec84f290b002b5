/**
 * The demo journal's recaps, written for Hallway. Dates keep their writers' UTC offsets so the
 * home page shows the same calendar day whatever the server's time zone.
 */
export type DemoPost = {
  slug: string;
  author: 'ada' | 'ben';
  title: string;
  /** As an author writes it: `YYYY-MM-DD HH:MM:SS ±HHMM`. */
  date: string;
  status: 'published' | 'draft';
  categories: string[];
  conference?: string;
  commentsEnabled?: boolean;
  body: string;
  /** Talks covered, in order: `[talkSlug, note]`. */
  talks?: [string, string][];
  /** The thread under the recap, oldest first; `after` is minutes after publication. */
  comments?: DemoComment[];
};

export type DemoComment = {
  by: 'ada' | 'ben' | 'sam' | 'admin';
  after: number;
  body: string;
  replies?: Omit<DemoComment, 'replies'>[];
};

const qconRecap = `Three days in London, a dozen tracks to choose from, and far more good sessions than one person can sit through. This is my pick of the streaming and architecture talks, plus the questions people kept asking in the corridors.

<!-- more -->

## Why this conference works

QCon curates its tracks around a theme and gives each one a host who introduces every speaker. The effect is that a day in one room feels like a short course rather than a random playlist. I stayed with the streaming track on Monday and the architecture track on Tuesday, then wandered on Wednesday.

![Whiteboard sketch of a write-time aggregation pipeline](/images/posts/qcon-2018/pipeline-sketch.svg)

The talks I recommend are listed below, grouped the way I attended them. Each one links to its page on the conference site and, where it exists, to the recording.

## The session I keep thinking about

The slides of the event-architectures talk are worth flipping through even without the recording:

<iframe src="//www.slideshare.net/slideshow/embed_code/key/zSt0T8CldF2BK" width="595" height="485" frameborder="0" allowfullscreen></iframe>

| Day | Theme | Talks I saw |
| --- | --- | --- |
| Monday | Streaming | 3 |
| Tuesday | Architecture | 3 |
| Wednesday | Mixed | 4 |

## Takeaways

1. Compute at write time when reads dominate; your pages get cheap and your caches get simple.
2. Scale a message platform by adding clusters, not only brokers.
3. Small rooms often hold the best conversations.

\`\`\`sql
-- The streams-and-tables idea in one query: a table is a stream, folded.
SELECT talk_id, COUNT(*) AS ratings, AVG(stars) AS average
FROM ratings
GROUP BY talk_id;
\`\`\`
`;

const fjordRecap = `Fjord Dev Days is the opposite of a mega-conference: two days, one room per track, and the speakers eat lunch at the same long tables as everybody else.

<!-- more -->

## Day one: data in motion

The morning was about the unglamorous parts of streaming: what happens when consumers fall behind, and what "exactly once" really promises. The afternoon workshop turned the theory into a working stream join.

![The harbour outside the venue at dusk](/images/posts/fjord-2019/harbour.svg)

## Day two: running production

The keynote set the tone for a day of practical advice, and the on-call panel was the most honest hour of the conference.
`;

export const demoPosts: DemoPost[] = [
  {
    slug: 'qcon-london-2018',
    author: 'ada',
    title: 'QCon London 2018: streams, actors and a self-driving car',
    date: '2018-03-12 13:08:46 -0700',
    status: 'published',
    categories: ['Talk', 'Conferences', 'Streaming'],
    conference: 'qcon-london-2018',
    body: qconRecap,
    talks: [
      [
        'drivetribe-social-network-streams',
        'A social network with no request-time queries at all: likes, comment counts and feeds are folded into views as events arrive. The section on algebraic structures (monoids for merging, semilattices for events arriving twice or out of order) was the clearest explanation of why that works that I have heard.',
      ],
      [
        'next-steps-stateful-streaming-apache-flink',
        'A tour of where state lives in Flink and how it survives failures, with a look at unifying the batch and streaming APIs. Essential if Flink runs anywhere near your production.',
      ],
      [
        'streaming-sql-foundations-why-i-streamstables',
        'The host closed his own track by showing that a table is just a stream at rest. The proposed SQL extensions for windows and triggers made the idea concrete.',
      ],
      [
        'inside-self-driving-uber',
        'The packed room got a tour of the sensor stack and the three machine-learning problems of driving: seeing, guessing what others will do, and deciding. The contrast between simulated and on-road testing stayed with me.',
      ],
      [
        'logistics-service-building-ocado-smart-platform',
        'Two speakers, two halves: first why a grocer runs on two public clouds, then the warehouse, where a swarm of robots fetches crates on a grid. The second half had the whole room reaching for their phones.',
      ],
      [
        'lambda-architectures-snapshot-stream-bunch-deltas',
        'Services that publish a snapshot plus a stream of deltas so their consumers never have to call them. Practical, funny, and full of honest trade-offs about caching.',
      ],
      [
        'high-performance-actors',
        'A grounded introduction to actors with the Java API, and why some of the design choices exist. Good for anyone who has only seen actors in Scala.',
      ],
      [
        'cloud-native-and-scalable-kafka-architecture',
        'My favourite of the week. Rebalancing a large cluster can take days, so add whole clusters instead and teach producers to fail over between them. Quotas and ACLs keep the tenants honest.',
      ],
      [
        'tasty-topics',
        'A half-empty room for one of the most useful talks: a catalogue of what you can do with publish/subscribe topics, from migrating data formats to tracking locations.',
      ],
      [
        'cluster-consensus-when-aeron-met-raft',
        'Raft on top of a very fast transport, explained by someone who seems to have read every paper on the subject, with a few candid stories about Java NIO.',
      ],
    ],
    comments: [
      {
        by: 'sam',
        after: 95,
        body: 'Did the recording of the Drivetribe talk ever come out? The page still said *video not yet available* when I looked last week.',
        replies: [
          {
            by: 'ada',
            after: 140,
            body: 'Not yet when I wrote this. QCon usually releases recordings over the following months, so I will update the talk page once it is up.',
          },
        ],
      },
      {
        by: 'ben',
        after: 320,
        body: 'Good pick of the streaming track. For anyone trying the windowing ideas at home: the `allowedLateness` setting is the part that bit us in production.',
      },
    ],
  },
  {
    slug: 'fjord-dev-days-2019',
    author: 'ben',
    title: 'Fjord Dev Days 2019: a small conference with big ideas',
    date: '2019-05-27 09:15:00 +0200',
    status: 'published',
    categories: ['Conferences', 'Streaming', 'Operations'],
    conference: 'fjord-dev-days-2019',
    body: fjordRecap,
    talks: [
      [
        'backpressure-without-tears',
        'Clear diagrams of buffers filling up, and a simple rule: make slowness visible before it becomes loss.',
      ],
      [
        'exactly-once-is-a-lie-we-can-live-with',
        'Argues for idempotent consumers over delivery guarantees. The deduplication-window demo was excellent.',
      ],
      ['hands-on-building-a-stream-join', 'Two hours well spent; the exercises are worth redoing at home.'],
      [
        'boring-technology-exciting-results',
        'A keynote that made the case for choosing dull, well-understood tools, with numbers to back it.',
      ],
      [
        'on-call-without-burnout',
        'Three people who have carried pagers for years, agreeing on very little except that most alerts should not exist.',
      ],
    ],
    comments: [
      {
        by: 'sam',
        after: 60,
        body: 'Was the stream join workshop recorded, or was it only for the people in the room? I had to leave before it started.',
      },
    ],
  },
  {
    slug: 'a-week-later-what-stuck-from-qcon-london',
    author: 'ada',
    title: 'A week later: what stuck from QCon London',
    date: '2018-03-19 08:30:00 +0000',
    status: 'published',
    categories: ['Conferences', 'Notes'],
    conference: 'qcon-london-2018',
    body: `A week is a good test for a conference: most of what felt exciting in the room has faded, and what is left is what you will actually use.

<!-- more -->

For me it is two ideas. Put the work where the writes are, and treat a cluster as a unit you can add rather than a thing you must grow. Both have already changed a design review at work.`,
  },
  {
    slug: 'how-i-take-notes-at-a-conference',
    author: 'ada',
    title: 'How I take notes at a conference',
    date: '2017-11-02 19:00:00 +0000',
    status: 'published',
    categories: ['Notes'],
    body: `One page per talk, three headings: what they said, what I think, what I will try. Everything else is a distraction.

<!-- more -->

The third heading is the only one that matters a month later. If it is empty, the talk was entertainment, which is fine, but it does not need a recap.`,
  },
  {
    slug: 'picking-talks-a-track-first-strategy',
    author: 'ben',
    title: 'Picking talks: a track-first strategy',
    date: '2017-09-14 12:00:00 -0400',
    status: 'published',
    categories: ['Conferences'],
    body: `Hopping between rooms every hour looks efficient on paper and feels exhausting in practice. Staying with one track for a whole day lets each talk build on the last, and the host's introductions tie them together. I now pick a track per day and allow myself one escape.`,
  },
  {
    slug: 'the-hallway-track',
    author: 'ada',
    title: 'The hallway track',
    date: '2018-06-10 23:45:00 +0900',
    status: 'published',
    categories: ['Conferences', 'Notes'],
    body: `Some of the best sessions have no room number. The conversations between talks are where you learn what people actually run in production.

<!-- more -->

Three habits help: stand near the coffee rather than at a table, ask what someone is working on rather than where they work, and leave the laptop in the bag.`,
  },
  {
    slug: 'what-to-do-with-your-recap-afterwards',
    author: 'ben',
    title: 'What to do with your recap afterwards',
    date: '2018-09-03 17:20:00 +0100',
    status: 'published',
    categories: ['Notes'],
    body: `Publish it within a week, link every talk to its recording, and send it to the speakers you liked. They rarely hear what landed.`,
  },
  {
    slug: 'rating-talks-honestly',
    author: 'ada',
    title: 'Rating talks honestly',
    date: '2018-11-21 07:10:00 -0800',
    status: 'published',
    categories: ['Notes'],
    body: `Five stars should mean "I changed something because of this talk", not "the speaker was nice". If every talk gets four or five, the ratings stop telling anyone anything.

<!-- more -->

I rate the talk I saw, not the topic I hoped for, and I write one sentence explaining the number.`,
  },
  {
    slug: 'packing-for-a-three-day-conference',
    author: 'ben',
    title: 'Packing for a three-day conference',
    date: '2019-02-11 10:00:00 +0100',
    status: 'published',
    categories: ['Travel'],
    body: `A power bank, a refillable bottle, a paper notebook, and shoes you can stand in for nine hours. Everything else is optional.`,
  },
  {
    slug: 'questions-worth-asking-at-an-ama',
    author: 'ada',
    title: 'Questions worth asking at an AMA',
    date: '2019-03-04 15:30:00 +0000',
    status: 'published',
    categories: ['Conferences'],
    conference: 'qcon-london-2018',
    body: `An ask-me-anything session is only as good as its questions. "What would you do differently?" beats "what do you think of framework X?" every time.

<!-- more -->

Ask about failures, about the decision they argued against and lost, and about what they would tell their team on day one.`,
  },
  {
    slug: 'reading-list-after-fjord-dev-days',
    author: 'ben',
    title: 'Reading list after Fjord Dev Days',
    date: '2019-06-03 20:00:00 +0200',
    status: 'published',
    categories: ['Streaming', 'Notes'],
    conference: 'fjord-dev-days-2019',
    body: `The speakers recommended more books than I can read this year. The shortlist: one on stream processing fundamentals, one on site reliability, and one on designing data-intensive applications.`,
  },
  {
    slug: 'why-recaps-beat-slides',
    author: 'ben',
    title: 'Why recaps beat slides',
    date: '2019-07-15 08:00:00 +0100',
    status: 'published',
    categories: ['Notes'],
    body: `Slides are written for the room; a recap is written for someone who was not there. That is why a good recap is more useful than the deck, even when the deck is public.`,
  },
  {
    slug: 'notes-from-the-meetup',
    author: 'ada',
    title: 'Notes from the meetup (unfinished)',
    date: '2019-08-01 18:00:00 +0100',
    status: 'draft',
    categories: ['Notes'],
    body: `Half-written thoughts that only their author should ever see.`,
  },
];
