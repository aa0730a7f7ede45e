import type { Centre } from '../api/types';

/** Centres found by what an officer types: any part of the code or of the Thai or English name, every word matching. */
export function normaliseQuery(text: string): string {
  return text.toLowerCase().normalize('NFC').replace(/[().,]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function searchCentres(centres: readonly Centre[], query: string, limit = 8): Centre[] {
  const words = normaliseQuery(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const exact = centres.find((centre) => centre.code.toLowerCase() === words.join(''));
  const matches = centres.filter((centre) => {
    const haystack = normaliseQuery(`${centre.code} ${centre.name.th} ${centre.name.en}`);
    return words.every((word) => haystack.includes(word));
  });
  // A code typed whole comes first; then the provinces before their districts (shorter codes first).
  const ordered = matches.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  return (exact ? [exact, ...ordered.filter((centre) => centre !== exact)] : ordered).slice(0, limit);
}

/** What the officer typed looks like a centre code (digits) that no centre has: it is explained, not silently ignored. */
export function unknownCode(centres: readonly Centre[], query: string): string | undefined {
  const typed = query.trim();
  if (!/^\d{2,6}$/.test(typed)) return undefined;
  return centres.some((centre) => centre.code === typed) ? undefined : typed;
}

/** Centre codes from a list of chosen centres, as the API takes them. */
export function codesOf(centres: readonly Centre[]): string[] {
  return centres.map((centre) => centre.code);
}
