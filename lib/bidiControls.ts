/**
 * Unicode's bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the
 * left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic letter mark (U+061C). Invisible, they
 * reorder the characters around them, so a name or a subject can be shown as something other than what was
 * stored ("Trojan Source"). Thai is written left to right and needs none of them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidirectional controls; every other character, Thai included, is kept as it is. */
export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
