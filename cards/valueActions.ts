import type { Activity } from 'botbuilder';
import type { AdaptiveCard, CardAction, CardElement, MessageBackData, SubmitAction } from './types';

/**
 * The key of a button's value that names the question it answers. Choice prompts stamp it on their cards'
 * buttons, so that a button pressed on an older card is known for what it is: an answer to a question that is
 * no longer being asked.
 */
export const STEP_VALUE_KEY = 'step';
/**
 * The key of a button's value that names the question itself (its words), whichever time it was asked: a
 * button from an earlier asking of the very same question is still an answer to it.
 */
export const QUESTION_VALUE_KEY = 'question';

/** What a choice prompt stamps on its buttons: this asking of the question, and the question. */
export interface Stamp {
  step: string;
  question: string;
}

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

function stampAction(action: CardAction, stamp: Stamp): CardAction {
  if (action.type !== 'Action.Submit') return action;
  const { data } = action;
  const values = { [STEP_VALUE_KEY]: stamp.step, [QUESTION_VALUE_KEY]: stamp.question };
  if (typeof data === 'string') return valueAction(action.title, values, action.style);
  if (isMessageBack(data)) {
    return { ...action, data: { ...data, cardAction: { ...data.cardAction, value: { ...data.cardAction.value, ...values } } } };
  }
  return { ...action, data: { ...(data as Record<string, string>), ...values } };
}

function stampElement(element: CardElement, stamp: Stamp): CardElement {
  if (element.type === 'ActionSet') return { ...element, actions: element.actions.map((action) => stampAction(action, stamp)) };
  if (element.type === 'Container') return { ...element, items: element.items.map((item) => stampElement(item, stamp)) };
  return element;
}

/**
 * The message with every submit button of its Adaptive Card stamped with `stamp`. Buttons keep sending their
 * label as the citizen's message, so typing the label still works, and channels without cards are unchanged.
 * Everything else about the activity, marks kept under symbols included, is kept.
 */
export function stampStep<T extends Partial<Activity>>(activity: T, stamp: Stamp): T {
  if (!activity.attachments?.length) return activity;
  const attachments = activity.attachments.map((attachment) => {
    const card = attachment.content as AdaptiveCard | undefined;
    if (card?.type !== 'AdaptiveCard') return attachment;
    const stamped: AdaptiveCard = {
      ...card,
      body: card.body.map((element) => stampElement(element, stamp)),
      ...(card.actions ? { actions: card.actions.map((action) => stampAction(action, stamp)) } : {}),
    };
    return { ...attachment, content: stamped };
  });
  return Object.assign(activity, { attachments });
}
