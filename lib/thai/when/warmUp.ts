/**
 * The English date recognizer builds its patterns and parsers lazily, on first use: the first answers after a
 * start would take most of a second each. Reading a few answers of each kind once, before the service listens,
 * makes that a cost of starting, not of a citizen's turn.
 */

import { parseWhen } from './parseWhen';

const TYPICAL_ANSWERS = ['yesterday at 3pm', 'on 3 January 2026 at 10:30', '1/1', 'last week', 'two days ago', 'เมื่อวาน บ่ายสองโมง'];

export function warmUpDateReader(now: Date): void {
  for (const answer of TYPICAL_ANSWERS) {
    parseWhen(answer, 'en', now);
    parseWhen(answer, 'th', now);
  }
}
