/**
 * URL slugs in every script: lower-case letters (with their combining marks), digits and single
 * hyphens. Latin, Greek and Cyrillic accents are dropped, as readers type those addresses without
 * them ("Jonas Bonér" → jonas-boner); every other letter is kept as written after NFKC, so 李小龍,
 * 山田太郎 and Σωκράτης get three slugs rather than one `untitled`.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036f]+/gu, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Marks stay: in Devanagari, Thai or Hangul jamo they are part of the letter, not decoration.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points, so a letter outside the BMP is never split in half.
  const cut = Array.from(slug).slice(0, maxLength).join('').replace(/-+$/g, '');
  return cut || 'untitled';
}

const SLUG_CHAR = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}\\p{N}]';
export const SLUG_PATTERN = new RegExp(`^${SLUG_CHAR}+(?:-${SLUG_CHAR}+)*$`, 'u');

/**
 * When two names are the same one, typed twice: NFKC, case and spacing aside. Speakers and
 * categories are found by this, never by their slug, which different names may share.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A slug from a route's params, which Next hands over still percent-encoded (`%E6%9D%8E…` for
 * 李…). Malformed encoding is left as it is: it matches no slug, so the page answers 404.
 */
export function slugParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
