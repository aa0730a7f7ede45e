import { type Activity, ActivityTypes, CardFactory, type CardAction as BotCardAction } from 'botbuilder';
import type { RenderedCard } from './types';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A message carrying a card. Text-only channels (LINE, Messenger) send the card's fallback text; the
 * suggested actions repeat the card's choices as quick replies wherever buttons inside cards cannot be shown.
 */
export function cardMessage(rendered: RenderedCard, suggestions: readonly string[] = []): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    attachments: [CardFactory.adaptiveCard(rendered.card)],
    // Read by screen readers and shown in notifications; the card itself is the message.
    summary: rendered.fallbackText.split('\n')[0],
  };
  if (suggestions.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: suggestions.map((label): BotCardAction => ({ type: 'imBack', title: label, value: label })),
    };
  }
  return activity;
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
