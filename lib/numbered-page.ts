import { notFound, permanentRedirect } from 'next/navigation';
import { pageNumber } from './pagination';

/**
 * The page of a numbered list route (`/page/N`, `/categories/x/page/N`, …): anything but a
 * positive integer is not found, and page 1 redirects to the list's own address so each page
 * has one URL.
 */
export function laterPageNumber(n: string, firstPage: string): number {
  const page = pageNumber(n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(firstPage);
  return page;
}
