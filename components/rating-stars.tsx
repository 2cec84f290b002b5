/** "★★★★☆" for sighted readers, "4 out of 5 stars" for screen readers. Server or client. */
export function RatingStars({ stars, className = '' }: { stars: number; className?: string }) {
  return (
    <span className={`whitespace-nowrap ${className}`}>
      <span aria-hidden="true" className="tracking-tight text-amber-500">
        {'★'.repeat(stars)}
        <span className="text-stone-300 dark:text-stone-600">{'★'.repeat(5 - stars)}</span>
      </span>
      <span className="sr-only">{stars} out of 5 stars</span>
    </span>
  );
}
