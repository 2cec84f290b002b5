import Link from 'next/link';

export function SpeakerList({ speakers }: { speakers: { slug: string; name: string }[] }) {
  if (speakers.length === 0) return null;
  return (
    <p className="talk-speakers">
      <span className="sr-only">Speakers: </span>
      {speakers.map((s, i) => (
        <span key={s.slug}>
          {i > 0 && (i === speakers.length - 1 ? ' and ' : ', ')}
          <Link href={`/speakers/${s.slug}`} className="link-quiet">
            {s.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
