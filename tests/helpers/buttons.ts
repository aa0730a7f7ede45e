import type { Activity } from 'botbuilder';

/** A button a reply offered, and the message Web Chat sends when it is pressed. */
export interface OfferedButton {
  title: string;
  send: Partial<Activity>;
  /** Where it is: on the card (stays pressable) or a suggested action (gone after the next message). */
  on: 'card' | 'suggestion';
}

interface CardJson {
  type?: string;
  title?: string;
  data?: unknown;
  actions?: CardJson[];
  body?: CardJson[];
  items?: CardJson[];
}

/** What Web Chat sends for an Action.Submit (see its AdaptiveCardRenderer): text, value, or a card action's both. */
function submitted(data: unknown): Partial<Activity> {
  if (typeof data === 'string') return { text: data };
  const record = data as { __isBotFrameworkCardAction?: boolean; cardAction?: { text?: string; value?: unknown } };
  if (record?.__isBotFrameworkCardAction) return { text: record.cardAction?.text, value: record.cardAction?.value };
  return { value: data };
}

function collect(element: CardJson | undefined, into: OfferedButton[]): void {
  if (!element) return;
  if (element.type === 'Action.Submit' && element.title) into.push({ title: element.title, send: submitted(element.data), on: 'card' });
  for (const child of [...(element.body ?? []), ...(element.items ?? []), ...(element.actions ?? [])]) collect(child, into);
}

/** Every button the replies offer: card buttons first, then suggested actions. */
export function buttons(replies: ReadonlyArray<Partial<Activity>>): OfferedButton[] {
  const found: OfferedButton[] = [];
  for (const reply of replies) collect(reply.attachments?.[0]?.content as CardJson | undefined, found);
  for (const reply of replies) {
    for (const action of reply.suggestedActions?.actions ?? []) {
      found.push({ title: String(action.title), send: action.type === 'messageBack' ? { text: action.text, value: action.value } : { text: String(action.value) }, on: 'suggestion' });
    }
  }
  return found;
}

/** The message sent by pressing the card button titled `title` (a suggested action if no card has one). */
export function press(replies: ReadonlyArray<Partial<Activity>>, title: string): Partial<Activity> {
  const offered = buttons(replies);
  const button = offered.find((candidate) => candidate.title === title && candidate.on === 'card') ?? offered.find((candidate) => candidate.title === title);
  if (!button) throw new Error(`No button "${title}" among: ${offered.map((candidate) => candidate.title).join(' | ')}`);
  return button.send;
}
