import type { TalkKind } from '../schema';

/**
 * The demo journal's conferences. QCon London 2018 uses the facts of a real recap (names, titles,
 * tracks, hosts, links); Fjord Dev Days is invented so lists show more than one of everything.
 */
export type DemoTalk = {
  slug: string;
  title: string;
  kind?: TalkKind;
  speakers: string[];
  abstract?: string;
  talkUrl?: string;
  presentationUrl?: string;
  videoUrl?: string;
  slidesUrl?: string;
  videoPending?: boolean;
  /** `HH:MM` in the conference's time zone. */
  startTime?: string;
  durationMinutes?: number;
  room?: string;
};

export type DemoTrack = { name: string; host?: string; talks: DemoTalk[] };

export type DemoDay = {
  number: number;
  date: string;
  theme?: string;
  tracks: DemoTrack[];
  /** Sessions outside any track. */
  sessions?: DemoTalk[];
};

export type DemoConference = {
  slug: string;
  name: string;
  city: string;
  location: string;
  startDate: string;
  endDate: string;
  website?: string;
  timeZone: string;
  description: string;
  days: DemoDay[];
};

const qcon = 'https://qconlondon.com/london2018/presentation/';

export const demoConferences: DemoConference[] = [
  {
    slug: 'qcon-london-2018',
    name: 'QCon London 2018',
    city: 'London',
    location: 'QEII Centre, London, United Kingdom',
    startDate: '2018-03-05',
    endDate: '2018-03-07',
    website: 'https://qconlondon.com/london2018',
    timeZone: 'Europe/London',
    description:
      'Three days of curated tracks on distributed systems, streaming and architecture, a short walk from Westminster.',
    days: [
      {
        number: 1,
        date: '2018-03-05',
        tracks: [
          {
            name: 'Stream Processing in the Modern Age',
            host: 'Tyler Akidau',
            talks: [
              {
                slug: 'drivetribe-social-network-streams',
                title: 'Drivetribe: A Social Network on Streams',
                speakers: ['Aris Koliopoulos'],
                abstract:
                  'A motoring social network that computes every feed, counter and page at write time from event streams.',
                talkUrl: `${qcon}drivetribe-social-network-streams`,
                presentationUrl: 'https://www.infoq.com/presentations/drivetribe',
              },
              {
                slug: 'next-steps-stateful-streaming-apache-flink',
                title: 'Next Steps in Stateful Streaming with Apache Flink',
                speakers: ['Stephan Ewen'],
                abstract:
                  "Where Flink's state handling is heading, and whether batch and streaming can share one engine.",
                talkUrl: `${qcon}next-steps-stateful-streaming-apache-flink`,
                presentationUrl: 'https://www.infoq.com/presentations/flink-stateful-streaming',
              },
              {
                slug: 'streaming-sql-foundations-why-i-streamstables',
                title: 'Streaming SQL Foundations: Why I ❤ Streams+Tables',
                speakers: ['Tyler Akidau'],
                abstract: 'The duality of streams and tables, and how SQL can grow to express streaming.',
                talkUrl: `${qcon}streaming-sql-foundations-why-i-%E2%9D%A4-streamstables`,
                presentationUrl: 'https://www.infoq.com/presentations/sql-streaming',
              },
            ],
          },
        ],
      },
      {
        number: 2,
        date: '2018-03-06',
        tracks: [
          {
            name: "Architectures You've Always Wondered About",
            host: 'Wesley Reisz',
            talks: [
              {
                slug: 'inside-self-driving-uber',
                title: 'Inside a Self-Driving Uber',
                speakers: ['Matt Ranney'],
                abstract: 'Sensors, perception, prediction and planning in an autonomous car, and how to test them.',
                talkUrl: `${qcon}inside-self-driving-uber`,
                presentationUrl: 'https://www.infoq.com/presentations/uber-self-drive',
              },
              {
                slug: 'logistics-service-building-ocado-smart-platform',
                title: 'Logistics as a Service: Building the Ocado Smart Platform',
                speakers: ['Paul Sweetman', 'Alex Harvey'],
                abstract: 'Running an online grocer across two clouds, and the robots in its warehouses.',
                talkUrl: `${qcon}logistics-service-building-ocado-smart-platform`,
                presentationUrl: 'https://www.infoq.com/presentations/ocado',
              },
              {
                slug: 'lambda-architectures-snapshot-stream-bunch-deltas',
                title: 'Lambda Architectures: a Snapshot, a Stream, & a Bunch of Deltas',
                speakers: ['Adrian Trenaman'],
                abstract: "Event-sourced services at Hudson's Bay that answer without calling their neighbours.",
                talkUrl: `${qcon}lambda-architectures-snapshot-stream-bunch-deltas`,
                presentationUrl: 'https://www.infoq.com/presentations/lambda-streams-delta',
                startTime: '13:40',
                durationMinutes: 50,
                room: 'Fleming, 3rd floor',
              },
              {
                slug: 'actors-or-not-async-event-architectures',
                title: 'Actors or Not: Async Event Architectures',
                speakers: ['Yaroslav Tkachenko'],
                abstract:
                  'Two event-driven service platforms compared: callback-driven Python services on a message bus, and Scala actors behind a central router.',
                talkUrl: `${qcon}actors-or-not-async-event-architectures`,
                presentationUrl: 'https://www.infoq.com/presentations/async-event-arch',
                slidesUrl: 'https://www.slideshare.net/slideshow/embed_code/key/zSt0T8CldF2BK',
                startTime: '14:55',
                durationMinutes: 50,
                room: 'Fleming, 3rd floor',
              },
            ],
          },
        ],
      },
      {
        number: 3,
        date: '2018-03-07',
        theme: 'A bit of everything',
        tracks: [],
        sessions: [
          {
            slug: 'high-performance-actors',
            title: 'High Performance Actors',
            speakers: ['Kiki Carter'],
            abstract: 'Actor systems with Akka’s Java API, tuned for real-world throughput.',
            talkUrl: `${qcon}high-performance-actors`,
            slidesUrl: 'https://qconlondon.com/system/files/presentation-slides/high-performance-akka.pdf',
            videoPending: true,
          },
          {
            slug: 'cloud-native-and-scalable-kafka-architecture',
            title: 'Cloud-Native and Scalable Kafka Architecture',
            speakers: ['Allen Wang'],
            abstract: 'Scaling Kafka at Netflix by adding clusters rather than brokers.',
            talkUrl: `${qcon}cloud-native-and-scalable-kafka-architecture`,
            presentationUrl: 'https://www.infoq.com/presentations/cloud-native-kafka-netflix',
          },
          {
            slug: 'tasty-topics',
            title: 'Tasty Topics',
            speakers: ['Michael Hussey'],
            abstract: 'Patterns for publish/subscribe topics, from data migrations to geolocation.',
            talkUrl: `${qcon}tasty-topics`,
            slidesUrl: 'https://qconlondon.com/system/files/presentation-slides/qconlon18-tastytopics.pdf',
          },
          {
            slug: 'cluster-consensus-when-aeron-met-raft',
            title: 'Cluster Consensus: When Aeron Met Raft',
            speakers: ['Martin Thompson'],
            abstract: 'Clustering the Aeron message transport with the Raft consensus algorithm.',
            talkUrl: `${qcon}cluster-consensus-when-aeron-met-raft`,
            slidesUrl:
              'https://qconlondon.com/system/files/presentation-slides/clusterconsensus-aeron-raft.pdf',
            videoPending: true,
          },
          {
            slug: 'ama-actor-based-architectures',
            title: 'AMA: Actor-Based Architectures',
            kind: 'ama',
            speakers: ['Yaroslav Tkachenko', 'Jonas Bonér', 'Kiki Carter'],
            abstract: 'An open question-and-answer session on building systems with actors.',
          },
        ],
      },
    ],
  },
  {
    slug: 'fjord-dev-days-2019',
    name: 'Fjord Dev Days 2019',
    city: 'Bergen',
    location: 'Harbour Hall, Bergen, Norway',
    startDate: '2019-05-22',
    endDate: '2019-05-23',
    timeZone: 'Europe/Oslo',
    description:
      'A small two-day gathering on data in motion and running software in production, with a single room per track.',
    days: [
      {
        number: 1,
        date: '2019-05-22',
        tracks: [
          {
            name: 'Data in Motion',
            host: 'Ingrid Solberg',
            talks: [
              {
                slug: 'backpressure-without-tears',
                title: 'Backpressure Without Tears',
                speakers: ['Maren Holt'],
                abstract: 'What a slow consumer should tell a fast producer, and how to listen.',
                startTime: '09:30',
                durationMinutes: 45,
                room: 'Main hall',
                videoPending: true,
              },
              {
                slug: 'exactly-once-is-a-lie-we-can-live-with',
                title: 'Exactly-Once Is a Lie We Can Live With',
                speakers: ['Jonas Lind'],
                abstract: 'Idempotent consumers and deduplication windows as the honest alternative.',
                startTime: '10:30',
                durationMinutes: 45,
                room: 'Main hall',
              },
              {
                slug: 'hands-on-building-a-stream-join',
                title: 'Hands-on: Building a Stream Join',
                kind: 'workshop',
                speakers: ['Maren Holt'],
                abstract: 'Bring a laptop: we join two event streams with windows and watermarks.',
                startTime: '13:00',
                durationMinutes: 120,
                room: 'Workshop room',
              },
              {
                slug: 'five-minute-fixes',
                title: 'Five-Minute Fixes',
                kind: 'lightning',
                speakers: ['Priya Raman', 'Jonas Lind'],
                abstract: 'Small changes that made pipelines noticeably calmer.',
                startTime: '15:30',
                durationMinutes: 30,
                room: 'Main hall',
              },
            ],
          },
        ],
      },
      {
        number: 2,
        date: '2019-05-23',
        tracks: [
          {
            name: 'Running Production',
            host: 'Tomas Berg',
            talks: [
              {
                slug: 'boring-technology-exciting-results',
                title: 'Boring Technology, Exciting Results',
                kind: 'keynote',
                speakers: ['Elena Varga'],
                abstract: 'Why the most reliable teams pick the least surprising tools.',
                startTime: '09:00',
                durationMinutes: 50,
                room: 'Main hall',
              },
              {
                slug: 'on-call-without-burnout',
                title: 'On-Call Without Burnout',
                kind: 'panel',
                speakers: ['Priya Raman', 'Samir Haddad', 'Elena Varga'],
                abstract: 'Rotations, alerts worth waking for, and what to stop paging on.',
                startTime: '10:15',
                durationMinutes: 45,
                room: 'Main hall',
              },
              {
                slug: 'migrating-a-monolith-one-queue-at-a-time',
                title: 'Migrating a Monolith One Queue at a Time',
                speakers: ['Samir Haddad'],
                abstract: 'Strangling a ten-year-old application by moving one workflow to a queue at a time.',
                startTime: '11:15',
                durationMinutes: 45,
                room: 'Main hall',
              },
            ],
          },
        ],
      },
    ],
  },
];
