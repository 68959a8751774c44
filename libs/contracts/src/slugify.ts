/**
 * A URL-safe slug of a name or title: accents folded, lowercase letters, digits and dashes,
 * at most 80 characters; "document" when nothing is left. Used for vendor and document
 * slugs created by the API and the Open Terms Archive import (catalog slugs are written
 * by hand and only validated).
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 80)
      .replace(/^-+|-+$/g, '') || 'document'
  );
}
