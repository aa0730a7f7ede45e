import { card, facts, text, title, type Translate } from './card';
import type { RenderedCard } from './types';

export interface ReceiptData {
  number: string;
  destination: string;
  receivedOn: string;
  /** Anonymous filers get a PIN, shown on this receipt only. */
  pin?: string;
}

/**
 * What the citizen keeps: the tracking number, shown once and large under its label, then where the complaint
 * went, when, and what happens next.
 */
export function receiptCard(lang: string, t: Translate, data: ReceiptData): RenderedCard {
  const entries: Array<[string, string]> = [
    [t('receipt.destination'), data.destination],
    [t('receipt.date'), data.receivedOn],
    ...(data.pin ? [[t('receipt.pin'), data.pin] as [string, string]] : []),
  ];
  const next = t(data.pin ? 'receipt.nextAnonymous' : 'receipt.next');
  return card(
    lang,
    [
      title(t('receipt.title')),
      text(t('receipt.number'), { isSubtle: true, spacing: 'Medium' }),
      text(data.number, { size: 'ExtraLarge', weight: 'Bolder', color: 'Accent', spacing: 'None' }),
      facts(entries),
      text(next, { spacing: 'Medium' }),
    ],
    [t('receipt.title'), `${t('receipt.number')}: ${data.number}`, ...entries.map(([label, value]) => `${label}: ${value}`), '', next].join('\n'),
  );
}
