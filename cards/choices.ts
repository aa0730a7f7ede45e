import { card, numbered, text, type Translate } from './card';
import { escapeMarkdown } from './escape';
import type { CardAction, RenderedCard } from './types';

/** One option of a choice card: the label is what the button sends back as the citizen's message. */
export interface ChoiceOption {
  label: string;
  /** A second line under the label, on cards that have room for it. */
  detail?: string;
}

/** Above this many options, a dropdown (with a send button) replaces one button per option. */
export const MAX_BUTTONS = 8;

/** The value key of the dropdown's submission: the prompt reads `activity.value[CHOICE_VALUE_KEY]`. */
export const CHOICE_VALUE_KEY = 'choice';

/**
 * A question longer than this is mostly explanation (the consent to the privacy notice, the after-hours offer):
 * in bold it would be a wall of heavy text, so only shorter questions are emphasised.
 */
export const EMPHASISED_QUESTION_MAX = 120;

/**
 * A question with options: a button per option (a dropdown when there are many), and a numbered plain-text
 * list for channels without cards. The prompt accepts the label, its number, or the dropdown's value.
 */
export function choiceCard(lang: string, question: string, options: readonly ChoiceOption[], t: Translate, intro?: string): RenderedCard {
  const labels = options.map((option) => option.label);
  const fallback = `${intro ? `${intro}\n\n` : ''}${question}\n${numbered(labels)}\n(${t('common.typedChoiceHint')})`;
  const body = [...(intro ? [text(intro)] : []), text(question, question.length <= EMPHASISED_QUESTION_MAX ? { weight: 'Bolder' } : {})];
  if (options.length > MAX_BUTTONS) {
    return card(
      lang,
      [
        ...body,
        {
          type: 'Input.ChoiceSet',
          id: CHOICE_VALUE_KEY,
          label: question,
          style: 'compact',
          isRequired: true,
          errorMessage: question,
          choices: options.map((option) => ({ title: option.label, value: option.label })),
        },
      ],
      fallback,
      [{ type: 'Action.Submit', title: t('common.done'), data: {} }],
    );
  }
  const actions: CardAction[] = options.map((option) => ({ type: 'Action.Submit', title: option.label, data: option.label }));
  const details = options.filter((option) => option.detail);
  const detailBlocks = details.length > 0 ? [text(details.map((option) => `**${escapeMarkdown(option.label)}** — ${escapeMarkdown(option.detail ?? '')}`).join('\n\n'), { isSubtle: true, size: 'Small' as const })] : [];
  return card(lang, [...body, ...detailBlocks], fallback, actions);
}
