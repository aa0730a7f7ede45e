import type { ShownOnce } from '../lib/privacy/marks';
import { escapeMarkdown } from './escape';
import { type AdaptiveCard, CARD_VERSION, type CardAction, type CardElement, type Fact, type FactSet, type RenderedCard, type TextBlock } from './types';

/** Looks up a text in the language of the card being built. */
export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** Our own text (already safe markdown): a wrapped TextBlock. */
export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A citizen's (or any untrusted) text: escaped so that it shows exactly as typed. */
export function userText(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return text(escapeMarkdown(value), options);
}

export function title(value: string): TextBlock {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

/** Facts whose values may come from citizens: values are escaped, titles are ours. */
export function facts(entries: ReadonlyArray<[string, string]>): FactSet {
  return { type: 'FactSet', facts: entries.map(([label, value]): Fact => ({ title: label, value: escapeMarkdown(value) })) };
}

export function card(lang: string, body: CardElement[], fallbackText: string, actions?: CardAction[]): RenderedCard {
  const built: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    lang,
    fallbackText,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
  return { card: built, fallbackText };
}

/** The plain-text form of a list of choices: numbered, so that a citizen on a text-only channel can type a number. */
export function numbered(labels: readonly string[]): string {
  return labels.map((label, index) => `${index + 1}. ${label}`).join('\n');
}

/**
 * A value a card shows the citizen once (a PIN, their phone number to check), in each form the card may hold
 * it: as written in the plain-text fallback, and escaped in the card's Markdown.
 */
export function shownOnce(value: string, shownAs: string): ShownOnce[] {
  const escaped = escapeMarkdown(value);
  return [{ value, shownAs }, ...(escaped !== value ? [{ value: escaped, shownAs: escapeMarkdown(shownAs) }] : [])];
}
