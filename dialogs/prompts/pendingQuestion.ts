import type { TurnContext } from 'botbuilder';
import type { DialogContext, PromptOptions } from 'botbuilder-dialogs';

/**
 * How a question treats a message that is not one of its answers, which decides what else the message may be:
 * - `choice`: fixed options; anything else may be a request or a question;
 * - `search`: options, or free words to look up (a place): only words that name a flow, or a clear question,
 *   are taken as requests;
 * - `field`: typed text; a valid answer is an answer (a title may well mention an officer), an invalid one may
 *   be a request or a question;
 * - `sensitive`: personal data, never read for anything but the answer.
 */
export type AnswerKind = 'choice' | 'search' | 'field' | 'sensitive';

/** A prompt that can tell the root dialog, before it reads a message, whether the message answers it. */
export interface AnswerAware {
  answerKind(options: PromptOptions): AnswerKind;
  /** Whether the message is an answer this question takes as it is: an option's label or number, a valid field. */
  takes(context: TurnContext, options: PromptOptions): Promise<boolean>;
  /** The id stamped on this question's buttons, if it has any: this asking of the question. */
  askIdOf(state: object): string | undefined;
  /** The id of the question itself (its words), the same each time it is asked, if it has buttons. */
  questionIdOf(options: PromptOptions): string | undefined;
}

export function isAnswerAware(dialog: unknown): dialog is AnswerAware {
  const candidate = dialog as Partial<AnswerAware> | undefined;
  return typeof candidate?.takes === 'function' && typeof candidate.answerKind === 'function' && typeof candidate.askIdOf === 'function' && typeof candidate.questionIdOf === 'function';
}

/** The question a conversation is waiting on: the prompt at the top of the innermost dialog stack. */
export interface PendingQuestion {
  prompt: AnswerAware;
  options: PromptOptions;
  state: object;
  kind: AnswerKind;
  askId: string | undefined;
  questionId: string | undefined;
}

/** Follows the active dialogs down to the one at the top, and returns it when it is one of our prompts. */
export function pendingQuestion(dc: DialogContext): PendingQuestion | undefined {
  let leaf: DialogContext = dc;
  for (let child = leaf.child; child; child = leaf.child) leaf = child;
  const instance = leaf.activeDialog;
  if (!instance) return undefined;
  const dialog = leaf.findDialog(instance.id);
  if (!isAnswerAware(dialog)) return undefined;
  // Prompts keep their options and their own state under these two keys of the instance state.
  const { options, state } = instance.state as { options?: PromptOptions; state?: object };
  if (!options || !state) return undefined;
  return { prompt: dialog, options, state, kind: dialog.answerKind(options), askId: dialog.askIdOf(state), questionId: dialog.questionIdOf(options) };
}
