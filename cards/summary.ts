import { card, facts, text, title, type Translate } from './card';
import type { RenderedCard } from './types';

/** One line of the summary: its label, its value as the citizen will recognise it, and its change button. */
export interface SummaryLine {
  field: string;
  label: string;
  value: string;
  /** The label of the button that changes this field; absent for fields that cannot be changed alone. */
  editLabel?: string;
}

/**
 * The complaint before it is sent: every field, a button to change each, and send / cancel. Values are the
 * citizen's own words and are escaped by `facts`.
 */
export function summaryCard(lang: string, t: Translate, lines: readonly SummaryLine[], confirmLabel: string, cancelLabel: string): RenderedCard {
  const editable = lines.filter((line) => line.editLabel);
  const prompt = t('complaint.summary.prompt');
  const fallback = [
    t('complaint.summary.title'),
    ...lines.map((line) => `${line.label}: ${line.value}`),
    '',
    prompt,
    ...[confirmLabel, ...editable.map((line) => line.editLabel as string), cancelLabel].map((label, index) => `${index + 1}. ${label}`),
  ].join('\n');
  return card(
    lang,
    [
      title(t('complaint.summary.title')),
      facts(lines.map((line) => [line.label, line.value])),
      text(prompt, { spacing: 'Medium' }),
      {
        type: 'ActionSet',
        actions: editable.map((line) => ({ type: 'Action.Submit' as const, title: line.editLabel as string, data: line.editLabel as string })),
      },
    ],
    fallback,
    [
      { type: 'Action.Submit', title: confirmLabel, data: confirmLabel, style: 'positive' },
      { type: 'Action.Submit', title: cancelLabel, data: cancelLabel, style: 'destructive' },
    ],
  );
}
