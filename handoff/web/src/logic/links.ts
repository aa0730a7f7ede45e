/**
 * Citizens' and officers' words as text with their http(s) addresses as links: the app builds the pieces and the
 * template draws them as text and anchors, never as markup.
 */

import { parseFileLink } from '../../../../lib/files/links';

export type Piece = { text: string } | { text: string; href: string };

/** Only http(s) URLs become links or images; anything else stays text. */
export function safeUrl(value: unknown, origin: string): URL | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const url = new URL(value, origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function linkify(text: string, origin: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /https?:\/\/[^\s<>"'{}|\\^`]+/g;
  let last = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0].replace(/[.,;:!?)\]]+$/, '');
    const url = safeUrl(raw, origin);
    if (!url) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ text: raw, href: url.href });
    last = match.index + raw.length;
    pattern.lastIndex = last;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/**
 * Whether an address is a link to the service's own file route, with its token (lib/files/links.ts, the rule the
 * service judges citizens' attachments by): the only addresses the app loads as images. Any other address on
 * this origin could be an officer API that the browser would call with the officer's cookie — and a citizen
 * chose it.
 */
export function isOwnFile(url: URL, origin: string): boolean {
  return url.origin === origin && parseFileLink(url.href) !== undefined;
}
