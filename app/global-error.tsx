'use client';

/** Last resort when the root layout itself fails: plain HTML, no stack trace. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560, margin: '4rem auto', padding: '0 1rem' }}>
        <h1>Something went wrong</h1>
        <p>Hallway could not show this page. Please try again in a moment.</p>
        {error.digest && <p>Reference: <code>{error.digest}</code></p>}
        <p><a href="/">Back to the home page</a></p>
      </body>
    </html>
  );
}
