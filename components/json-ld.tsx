/**
 * Structured data for search engines, as a `<script type="application/ld+json">` in the page.
 *
 * The JSON goes into the HTML as raw script text, so a title containing `</script>` would end the
 * element early and run whatever follows. Escaping every `<` as `\u003c` (still the same JSON
 * string) makes that impossible; U+2028/U+2029 are escaped too for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export type JsonLdThing = { '@type': string | string[]; [key: string]: unknown };

export function JsonLd({ data }: { data: JsonLdThing | JsonLdThing[] }) {
  const payload = Array.isArray(data)
    ? { '@context': 'https://schema.org', '@graph': data }
    : { '@context': 'https://schema.org', ...data };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(payload) }} />;
}
