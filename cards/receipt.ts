import { card, facts, text, title, type Translate } from './card';
import type { RenderedCard } from './types';

export interface ReceiptData {
  number: string;
  destination: string;
  receivedOn: string;
  /** Anonymous filers get a PIN, shown on this receipt only. */
  pin?: string;
}

/** What the citizen keeps: the tracking number, where it went, when, and what happens next. */
export function receiptCard(lang: string, t: Translate, data: ReceiptData): RenderedCard {
  const entries: Array<[string, string]> = [
    [t('receipt.number'), data.number],
    [t('receipt.destination'), data.destination],
    [t('receipt.date'), data.receivedOn],
    ...(data.pin ? [[t('receipt.pin'), data.pin] as [string, string]] : []),
  ];
  const next = t(data.pin ? 'receipt.nextAnonymous' : 'receipt.next');
  return card(
    lang,
    [
      title(t('receipt.title')),
      text(data.number, { size: 'ExtraLarge', weight: 'Bolder', color: 'Accent' }),
      facts(entries),
      text(next, { spacing: 'Medium' }),
    ],
    [t('receipt.title'), ...entries.map(([label, value]) => `${label}: ${value}`), '', next].join('\n'),
  );
}
