import { normalizeText, segmentWords } from '../thai/text';
import { fold, respell } from './normalForm';

/*
 * Reading a place described in free text ("หมู่ 3 ต.สันทราย อ.สันทราย จ.เชียงใหม่", "near Hang Dong market, Chiang
 * Mai") as runs of words, each free or labelled as naming a province or a district: what "choose for me" looks for
 * names in (locationChoice.ts).
 */

const MAX_LOCATION_CHARS = 500;

export type LabelKind = 'province' | 'district';

// A stretch of a place description that names at most one thing per window; windows never leave a run.
export interface Run {
  readonly text: string;
  // Offsets in `text` where each unit (a word) starts, then the end.
  readonly bounds: readonly number[];
  readonly label?: LabelKind;
  // Whether the label's name starts the run (อ.หางดง, amphoe Hang Dong) or ends it (Hang Dong district).
  readonly anchor?: 'start' | 'end';
}

type LabelTarget = LabelKind | 'ignore';

// What a label does: it names the next token (Thai), or the rest of its clause before or after itself.
interface LabelEffect {
  readonly scope: 'next' | 'following' | 'preceding';
  readonly target: LabelTarget;
}

function labels(words: readonly string[], effect: LabelEffect): Array<[string, LabelEffect]> {
  return words.map((word) => [word, effect]);
}

// Thai labels come before the name. Tambon, village, road and Bangkok khet names are skipped: they often
// repeat the name of some district elsewhere. Labels are compared unfolded, with their marks: folded, หมู่
// (village) would be หมู (pork).
const THAI_LABELS: ReadonlyMap<string, LabelEffect> = new Map([
  ...labels(['จ', 'จังหวัด'], { scope: 'next', target: 'province' }),
  ...labels(['อ', 'อำเภอ', 'กิ่งอำเภอ'], { scope: 'next', target: 'district' }),
  ...labels(
    ['ต', 'ตำบล', 'แขวง', 'เขต', 'ม', 'หมู่', 'หมู่ที่', 'หมู่บ้าน', 'ถ', 'ถนน', 'ซ', 'ซอย', 'ตรอก', 'บ้านเลขที่', 'เลขที่'],
    { scope: 'next', target: 'ignore' },
  ),
]);
// Labels trusted inside run-on Thai. One-letter labels are trusted only as whole tokens (จ. and อ. lose
// their dot and stand alone; ICU also cuts single letters out of names it does not know, as in โกสัมพีนคร),
// and เขต ends the district name สนามชัยเขต.
const THAI_INNER_LABELS = new Set([...THAI_LABELS.keys()].filter((label) => label.length > 1 && label !== 'เขต'));
// Thai labels that may be written glued to the name, longest first; ศูนย์ดำรงธรรม is dropped as noise.
const THAI_GLUED_LABELS = ['ศูนย์ดำรงธรรม', ...THAI_INNER_LABELS, 'เขต'].sort((a, b) => b.length - a.length);
// English addresses are split by commas; a label covers its part of the clause, before or after itself.
const ENGLISH_LABELS: ReadonlyMap<string, LabelEffect> = new Map([
  ...labels(['amphoe', 'amphur', 'amphor', 'ampho'], { scope: 'following', target: 'district' }),
  ...labels(['changwat'], { scope: 'following', target: 'province' }),
  // Not soi or khet: they are words of Soi Dao, Nikhom Kham Soi and Sanam Chai Khet.
  ...labels(['tambon', 'moo', 'mu', 'thanon', 'khwaeng'], { scope: 'following', target: 'ignore' }),
  ...labels(['district'], { scope: 'preceding', target: 'district' }),
  ...labels(['province'], { scope: 'preceding', target: 'province' }),
  ...labels(['subdistrict', 'road', 'rd', 'street', 'village', 'lane', 'alley'], { scope: 'preceding', target: 'ignore' }),
]);
const SUBDISTRICT: LabelEffect = { scope: 'preceding', target: 'ignore' };
const LOCATION_NOISE = new Set(['ศูนยดำรงธรรม', 'ประเทศไทย', 'thailand', 'damrongdham', 'center', 'centre']);
const CLAUSE_BREAK = /[,;\n\r]+/;

// A space-separated part of a clause, or a piece of one cut at a label; `words` keep their marks for ICU.
interface Token {
  readonly raw: string;
  readonly folded: string;
  readonly words: readonly string[];
}

// Splits labels written glued to a name ("อำเภอหางดง", "ศูนย์ดำรงธรรมจังหวัดเชียงใหม่").
function splitGluedLabels(token: string): string[] {
  const parts: string[] = [];
  let rest = token;
  for (;;) {
    const label = THAI_GLUED_LABELS.find((candidate) => rest.length > candidate.length && rest.startsWith(candidate));
    if (!label) break;
    parts.push(label);
    rest = rest.slice(label.length);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

// The tokens of a clause. Run-on Thai ("ถนนพังที่อำเภอฮอดครับ") is cut at every label word ICU finds in it,
// so that a label inside a sentence still names what follows it.
function tokenise(clause: string): Token[] {
  const tokens: Token[] = [];
  const add = (words: readonly string[]) => {
    const raw = words.join('');
    tokens.push({ raw, folded: fold(raw), words });
  };
  for (const spaced of normalizeText(clause).split(' ')) {
    for (const part of splitGluedLabels(spaced)) {
      let words: string[] = [];
      for (const word of segmentWords(part)) {
        if (THAI_INNER_LABELS.has(word)) {
          if (words.length > 0) add(words);
          add([word]);
          words = [];
        } else {
          words.push(word);
        }
      }
      if (words.length > 0) add(words);
    }
  }
  return tokens;
}

function buildRun(tokens: readonly Token[], label?: LabelKind, anchor?: 'start' | 'end'): Run | undefined {
  const units: string[] = [];
  for (const token of tokens) {
    for (const word of token.words) {
      const unit = fold(word).replace(/\d+/g, '');
      if (unit !== '') units.push(respell(unit));
    }
  }
  if (units.length === 0) return undefined;
  const bounds = [0];
  for (const unit of units) bounds.push(bounds[bounds.length - 1] + unit.length);
  return { text: units.join(''), bounds, label, anchor };
}

// Splits a place description into runs, each free or labelled as naming a province or a district.
export function parseLocation(placeText: string): Run[] {
  const runs: Run[] = [];
  const push = (run: Run | undefined) => {
    if (run) runs.push(run);
  };
  for (const clause of placeText.slice(0, MAX_LOCATION_CHARS).split(CLAUSE_BREAK)) {
    const tokens = tokenise(clause);
    let buffer: Token[] = [];
    let following: LabelTarget | undefined;
    let next: LabelTarget | undefined;
    const flush = () => {
      if (following !== 'ignore') push(buildRun(buffer, following, following ? 'start' : undefined));
      buffer = [];
    };
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (token.folded === '' || LOCATION_NOISE.has(token.folded)) continue;
      const isSubdistrict = token.folded === 'sub' && tokens[i + 1]?.folded === 'district';
      const effect = isSubdistrict ? SUBDISTRICT : THAI_LABELS.get(token.raw) ?? ENGLISH_LABELS.get(token.folded);
      if (isSubdistrict) i += 1;
      if (effect?.scope === 'next') {
        flush();
        following = undefined;
        next = effect.target;
      } else if (effect?.scope === 'following') {
        flush();
        following = effect.target;
      } else if (effect?.scope === 'preceding') {
        if (effect.target !== 'ignore' && following !== 'ignore') push(buildRun(buffer, effect.target, 'end'));
        buffer = [];
        following = undefined;
      } else if (next !== undefined) {
        if (next !== 'ignore') push(buildRun([token], next, 'start'));
        next = undefined;
      } else {
        buffer.push(token);
      }
    }
    flush();
  }
  return runs;
}
