import { type Activity, ActivityTypes, CardFactory, type CardAction as BotCardAction } from 'botbuilder';
import type { RenderedCard } from './types';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A message carrying a card. The card's buttons are its choices, and they are not repeated as suggested actions:
 * Web Chat would show every choice twice, once on the card and once under it. A channel without cards sends the
 * card's fallback text instead, which numbers the choices so that the citizen can type one.
 */
export function cardMessage(rendered: RenderedCard): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    attachments: [CardFactory.adaptiveCard(rendered.card)],
    // Read by screen readers and shown in notifications; the card itself is the message.
    summary: rendered.fallbackText.split('\n')[0],
  };
}

/** A plain text message with quick-reply suggestions. */
export function textMessage(value: string, suggestions: readonly string[] = []): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: value,
    // Our texts contain no markup; 'plain' also keeps echoed citizen text from being read as Markdown.
    textFormat: 'plain',
    ...(suggestions.length > 0
      ? { suggestedActions: { to: [], actions: suggestions.map((label): BotCardAction => ({ type: 'imBack', title: label, value: label })) } }
      : {}),
  };
}
