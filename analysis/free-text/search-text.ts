/**
 * Searching Vietnamese free text as people type it: with or without diacritics ("phong cho" finds
 * "phòng chờ"), in either case, in NFC or NFD. Both the text and the query are folded to bare
 * lower-case letters (đ → d), so a query with diacritics also finds text typed without them.
 */

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/gu, ' ');
}

/** Whether the text holds the query (both folded); an empty query matches everything. */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldForSearch(query).trim();
  return folded === '' || foldForSearch(text).includes(folded);
}
