import type { Activity } from 'botbuilder';
import type { AdaptiveCard, CardAction, CardElement, MessageBackData, SubmitAction } from './types';

/**
 * The key of a button's value that names the question it answers. Choice prompts stamp it on their cards'
 * buttons, so that a button pressed on an older card is known for what it is: an answer to a question that is
 * no longer being asked.
 */
export const STEP_VALUE_KEY = 'step';

/** A button that sends its title as the citizen's message, shown in the conversation as if typed, with `value`. */
export function valueAction(title: string, value: Record<string, string>, style?: SubmitAction['style']): SubmitAction {
  const data: MessageBackData = { __isBotFrameworkCardAction: true, cardAction: { type: 'messageBack', title, text: title, displayText: title, value } };
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
}

/** The value a message carries (from a card button), as a record of strings, or undefined. */
export function valueOf(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const value: unknown = activity.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isMessageBack(data: SubmitAction['data']): data is MessageBackData {
  return typeof data === 'object' && (data as Partial<MessageBackData>).__isBotFrameworkCardAction === true;
}

function stampAction(action: CardAction, step: string): CardAction {
  if (action.type !== 'Action.Submit') return action;
  const { data } = action;
  if (typeof data === 'string') return valueAction(action.title, { [STEP_VALUE_KEY]: step }, action.style);
  if (isMessageBack(data)) {
    return { ...action, data: { ...data, cardAction: { ...data.cardAction, value: { ...data.cardAction.value, [STEP_VALUE_KEY]: step } } } };
  }
  return { ...action, data: { ...(data as Record<string, string>), [STEP_VALUE_KEY]: step } };
}

function stampElement(element: CardElement, step: string): CardElement {
  if (element.type === 'ActionSet') return { ...element, actions: element.actions.map((action) => stampAction(action, step)) };
  if (element.type === 'Container') return { ...element, items: element.items.map((item) => stampElement(item, step)) };
  return element;
}

/**
 * The message with every submit button of its Adaptive Card stamped with `step`. Buttons keep sending their
 * label as the citizen's message, so typing the label still works, and channels without cards are unchanged.
 * Everything else about the activity, marks kept under symbols included, is kept.
 */
export function stampStep<T extends Partial<Activity>>(activity: T, step: string): T {
  if (!activity.attachments?.length) return activity;
  const attachments = activity.attachments.map((attachment) => {
    const card = attachment.content as AdaptiveCard | undefined;
    if (card?.type !== 'AdaptiveCard') return attachment;
    const stamped: AdaptiveCard = {
      ...card,
      body: card.body.map((element) => stampElement(element, step)),
      ...(card.actions ? { actions: card.actions.map((action) => stampAction(action, step)) } : {}),
    };
    return { ...attachment, content: stamped };
  });
  return Object.assign(activity, { attachments });
}
