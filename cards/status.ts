import { card, facts, text, title, type Translate, userText } from './card';
import type { Container, RenderedCard } from './types';

export interface StatusEntry {
  when: string;
  status: string;
  note?: string;
}

export interface StatusData {
  number: string;
  subject: string;
  status: string;
  responsible: string;
  lastUpdate: string;
  /** Oldest first. */
  timeline: readonly StatusEntry[];
}

/** A complaint's status for its filer: where it stands, who handles it, and everything that happened so far. */
export function statusCard(lang: string, t: Translate, data: StatusData): RenderedCard {
  const summary: Array<[string, string]> = [
    [t('status.current'), data.status],
    [t('status.responsible'), data.responsible],
    [t('status.lastUpdate'), data.lastUpdate],
  ];
  const timeline: Container = {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(t('status.timeline'), { weight: 'Bolder' }),
      ...data.timeline.flatMap((entry) => [
        text(`${entry.when} — ${entry.status}`, { spacing: 'Small' }),
        ...(entry.note ? [userText(entry.note, { isSubtle: true, spacing: 'None' })] : []),
      ]),
    ],
  };
  const fallback = [
    t('status.title', { number: data.number }),
    data.subject,
    ...summary.map(([label, value]) => `${label}: ${value}`),
    `${t('status.timeline')}:`,
    ...data.timeline.map((entry) => `- ${entry.when} — ${entry.status}${entry.note ? ` (${entry.note})` : ''}`),
  ].join('\n');
  return card(lang, [title(t('status.title', { number: data.number })), userText(data.subject, { isSubtle: true }), facts(summary), timeline], fallback);
}
