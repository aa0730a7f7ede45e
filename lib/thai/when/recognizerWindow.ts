/**
 * What of a text the English recognizer is shown. Its cost grows with the words it is given and much faster
 * with the numbers among them (each number that could be a day is checked against the whole text again), so
 * 200 characters of "12 12 12 …" took over a second. It is shown only the words around the first few that can
 * belong to a date or a time ("january", "friday", "yesterday", "ago", "3pm", "12/1", "14:30", "2024"), the
 * rest left out; what it finds is mapped back to its place in the text, to be blanked there in turn.
 */

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = 'sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?';
const RELATIVE =
  'yesterday|today|tonight|tomorrow|now|ago|last|past|previous|this|next|earlier|later|recently|before|after|since|' +
  'at|between|from|until|till|by|' +
  'morning|afternoon|evening|night|noon|midday|midnight|lunchtime|dawn|dusk|eve|christmas|xmas|new|' +
  'hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|weekends?|fortnights?|months?|years?|decades?|' +
  "am|pm|a\\.m|p\\.m|o'?clock";
// A word that can belong to a date or time: one of those words (a trailing dot or comma allowed), a number
// with a date's or time's separator, a four-digit year, a number glued to letters ("3pm", "3rd", "ตอน3pm").
const DATE_WORD = new RegExp(`^(?:(?:${MONTH}|${WEEKDAY}|${RELATIVE})[.,]?|.*\\d[/.:\\-]\\d.*|\\d{4}[.,]?|.*\\d[a-z].*)$`);
// A word is at most this long: "1/1/1/1/…" is many numbers without a space, and is cut into such pieces.
const MAX_WORD = 12;
const WORD = new RegExp(`\\S{1,${MAX_WORD}}`, 'g');
// Words kept on each side of a date word: "on the 3rd of january 2024 at 3 pm", "a couple of weeks ago".
const CONTEXT = 3;
// At most this many words and numbers are shown: enough for the longest date and time anyone writes.
const MAX_WORDS = 12;
const MAX_NUMBERS = 8;
const NUMBER = /\d+/g;

interface Word {
  start: number;
  end: number;
  text: string;
}

function numbersIn(word: Word): number {
  return word.text.match(NUMBER)?.length ?? 0;
}

/** The words shown to the recognizer, and where each of its characters is in the text it was taken from. */
export interface RecognizerWindow {
  text: string;
  /** The offset in the original text of an offset in `text` (one in a separator falls just after the word before it). */
  original: (offset: number) => number;
}

// Kept stretches of the text: where each starts in the window and in the text.
interface Piece {
  windowStart: number;
  textStart: number;
}

// Between words that were apart in the text: a dot keeps a date and a time on either side from being read
// as one. Short, because long runs of blanks are themselves slow to read.
const SEPARATOR = ' . ';

/**
 * The words near the first date words, in order; a separator where words were left out; the text empty when
 * no word can belong to a date or time (the recognizer then has nothing to find).
 */
export function recognizerWindow(text: string): RecognizerWindow {
  const words: Word[] = [...text.matchAll(WORD)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, text: match[0] }));
  const kept = new Set<number>();
  let numbers = 0;
  for (let index = 0; index < words.length && kept.size < MAX_WORDS; index += 1) {
    if (!DATE_WORD.test(words[index].text)) continue;
    // The date word first, then its neighbours nearest first, while the budget lasts.
    const around = [index];
    for (let step = 1; step <= CONTEXT; step += 1) around.push(index - step, index + step);
    for (const near of around) {
      if (near < 0 || near >= words.length || kept.has(near) || kept.size >= MAX_WORDS) continue;
      const count = numbersIn(words[near]);
      if (numbers + count > MAX_NUMBERS) continue;
      numbers += count;
      kept.add(near);
    }
  }
  let window = '';
  const pieces: Piece[] = [];
  let previous = -2;
  for (const index of [...kept].sort((a, b) => a - b)) {
    const word = words[index];
    if (index === previous + 1) {
      // Next to the word before: the text between them as it was ("12 jan", or pieces of one long word).
      const between = text.slice(words[previous].end, word.start);
      pieces.push({ windowStart: window.length, textStart: words[previous].end });
      window += between;
    } else if (window !== '') {
      window += SEPARATOR;
    }
    pieces.push({ windowStart: window.length, textStart: word.start });
    window += word.text;
    previous = index;
  }
  const original = (offset: number): number => {
    let piece = pieces[0];
    for (const next of pieces) {
      if (next.windowStart > offset) break;
      piece = next;
    }
    return piece === undefined ? offset : piece.textStart + Math.max(0, offset - piece.windowStart);
  };
  return { text: window, original };
}
