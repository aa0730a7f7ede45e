import type { IncomingMessage } from 'node:http';
import { parseTrackingNumber } from '../../lib/complaints/trackingNumber';
import { conversationLogRef, keyedLogRef } from '../../lib/logger';
import { OFFICER_API } from '../../lib/contract/officer';
import { keyOf } from '../../handoff/conversationIds';
import { DIRECTLINE_BASE } from '../channels/directline/routes';
import { DIRECTLINE_CHANNEL } from '../channels/directline/service';
import { requestUrl } from '../../lib/http/requestUrl';

/** Longer paths are cut in the log: no route has one, and a client should not choose the size of a log line. */
const MAX_LOGGED_PATH = 256;

interface IdentifyingSegment {
  /** The path up to the segment, in lower case. */
  prefix: string;
  pseudonym: (segment: string, hashingKey: string) => string;
}

/**
 * The path segments that identify a citizen's conversation or complaint. Conversations become the hash the rest
 * of the logs use for them (conversationLogRef), so that one conversation can be followed across log lines;
 * tracking numbers a keyed hash.
 */
const IDENTIFYING: readonly IdentifyingSegment[] = [
  { prefix: `${DIRECTLINE_BASE}/conversations/`.toLowerCase(), pseudonym: (id) => conversationLogRef(`${DIRECTLINE_CHANNEL}/${id}`) },
  { prefix: `${OFFICER_API}/conversations/`.toLowerCase(), pseudonym: (id) => conversationLogRef(keyOf(id) ?? id) },
  {
    prefix: `${OFFICER_API}/complaints/`.toLowerCase(),
    pseudonym: (number, hashingKey) => {
      const parsed = parseTrackingNumber(number);
      return keyedLogRef(hashingKey, parsed.ok ? parsed.number : number);
    },
  },
];

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The path of a request as its log line shows it: without the query string (it can carry tokens), with
 * conversation ids and tracking numbers replaced by their log pseudonyms, and at most 256 characters.
 * A request whose Host or target is not a URL is logged as "-".
 */
export function pathForLog(req: IncomingMessage, hashingKey: string): string {
  const pathname = requestUrl(req)?.pathname;
  if (pathname === undefined) return '-';
  const lower = pathname.toLowerCase();
  for (const { prefix, pseudonym } of IDENTIFYING) {
    if (!lower.startsWith(prefix)) continue;
    const end = pathname.indexOf('/', prefix.length);
    const segment = pathname.slice(prefix.length, end === -1 ? undefined : end);
    if (segment === '') break;
    const rest = end === -1 ? '' : pathname.slice(end);
    return `${pathname.slice(0, prefix.length)}${pseudonym(decoded(segment), hashingKey)}${rest}`.slice(0, MAX_LOGGED_PATH);
  }
  return pathname.slice(0, MAX_LOGGED_PATH);
}
