import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { textMessage } from '../../cards/activity';
import { checkText } from '../../lib/complaints/fields';
import { shorten } from '../../lib/complaints/opening';
import type { ComplaintDraft } from '../../lib/complaints/types';
import type { Next } from '../loopDialog';
import type { FieldParse, FieldPromptOptions } from '../prompts/fieldPrompt';
import { type DialogServices, translator } from '../services';
import type { FileComplaintState } from './state';

/*
 * The draft made from the citizen's first message (lib/complaints/opening.ts), shown back before anything else
 * is asked: its description and a suggested title, to keep or to add to.
 */

/** The draft description is shown back in full up to this length, then cut at a word. */
const REVIEW_DESCRIPTION_MAX = 600;

/** Any text is an answer here (more detail); only "keep" (its button, "yes", "done") is not. */
export function reviewAnswer(text: string): FieldParse {
  return { ok: true, value: text };
}

export function reviewPromptOptions(subject: string, draft: ComplaintDraft): FieldPromptOptions {
  return {
    textKey: 'complaint.review.prompt',
    vars: { subject, description: shorten(draft.description ?? '', REVIEW_DESCRIPTION_MAX) },
    skipIntent: 'keep',
    skipLabelKey: 'complaint.review.keep',
    // A photo sent now: its turn is the next question, and the citizen is told so.
    emptyRetryKey: 'complaint.review.photoNext',
  };
}

/**
 * "keep" (or "yes", "done") takes the suggested title, which the summary can still change; anything else typed is
 * more detail, added to the description, and the draft is shown again. Typed numbers are words here, never the
 * choice of a button.
 */
export async function answerReview(
  step: WaterfallStepContext,
  services: DialogServices,
  state: FileComplaintState,
  draft: ComplaintDraft,
  typed: string | null,
): Promise<Next<FileComplaintState>> {
  const { subject, ...rest } = state.suggested ?? {};
  const { intents } = services;
  if (typed === null || intents.is(typed, 'yes') || intents.is(typed, 'done')) return { state: { ...state, draft: { ...draft, subject }, suggested: rest } };
  // Emoji or punctuation alone add nothing to read: the draft is shown again as it was.
  if (!/[\p{L}\p{N}]/u.test(typed)) return { state: { ...state, draft } };
  const checked = checkText('description', `${draft.description ?? ''}\n\n${typed}`);
  if (!checked.ok) {
    await step.context.sendActivity(textMessage(translator(services, step.context)('complaint.description.retry', { min: checked.min, max: checked.max, length: checked.length })));
    return { state: { ...state, draft } };
  }
  return { state: { ...state, draft: { ...draft, description: checked.value } } };
}
