import { HttpError } from './errors';

/**
 * The rule for JSON that clients send, whatever the route: valid JSON, nested at most MAX_JSON_DEPTH deep.
 * Nothing the service takes (activities and their `value`, officer requests, Azure activities) comes close;
 * a body nested thousands deep is an attack on whatever walks it later (JSON.stringify overflows its stack
 * when the activity is stored), so it is refused with 400 before it is even parsed.
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether no object or array in the text opens deeper than `max`, brackets inside strings aside; one pass. */
function nestedWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      depth += 1;
      if (depth > max) return false;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return true;
}

/** Parses JSON a client sent; anything invalid or nested too deep is a 400 the client can act on. */
export function parseClientJson(text: string): unknown {
  if (!nestedWithin(text, MAX_JSON_DEPTH)) throw new HttpError(400, 'BadArgument', `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadArgument', 'The body is not valid JSON');
  }
}
