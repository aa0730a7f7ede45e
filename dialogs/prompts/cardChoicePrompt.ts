import type { Activity, TurnContext } from 'botbuilder';
import { type Choice, Prompt, type PromptOptions, type PromptRecognizerResult, recognizeChoices } from 'botbuilder-dialogs';
import type { Translate } from '../../cards/card';
import { choiceCard, CHOICE_VALUE_KEY } from '../../cards/choices';
import { cardMessage } from '../../cards/activity';
import type { Bilingual } from '../../lib/content/types';
import type { Lang } from '../../lib/i18n/language';
import { normalizeText, toAsciiDigits } from '../../lib/thai/text';
import { type DialogServices, translator } from '../services';

/** An option: its value (what the dialog gets back) and its label in both languages. */
export interface ChoiceDef {
  value: string;
  label: Bilingual;
  detail?: Bilingual;
  synonyms?: string[];
}

/**
 * The options are kept in dialog state with both languages' labels, so that the question is rendered in the
 * citizen's language each time it is asked, and an answer in either language (or the option's number) counts.
 */
export interface CardChoiceOptions extends PromptOptions {
  textKey: string;
  vars?: Record<string, string | number>;
  introKey?: string;
  /** Shown above the question when the answer matched no option; defaults to a general hint. */
  retryKey?: string;
  items: ChoiceDef[];
  /** When set, text that matches no option is returned as `text:<the text>` instead of being asked again. */
  freeText?: boolean;
  /** Extra data for a renderer (the summary's lines, for instance). */
  data?: unknown;
}

export const FREE_TEXT = 'text:';

export interface RenderInput {
  context: TurnContext;
  lang: Lang;
  t: Translate;
  options: CardChoiceOptions;
  labels: string[];
  isRetry: boolean;
}

export type ChoiceRenderer = (input: RenderInput) => Partial<Activity>;

/** The default rendering: a card with a button per option (a dropdown when there are many). */
export const renderChoiceCard: ChoiceRenderer = ({ lang, t, options, labels, isRetry }) => {
  const question = isRetry ? `${t(options.retryKey ?? 'common.choiceRetry')}\n\n${t(options.textKey, options.vars)}` : t(options.textKey, options.vars);
  const rendered = choiceCard(
    lang,
    question,
    options.items.map((choice, index) => ({ label: labels[index], ...(choice.detail ? { detail: choice.detail[lang] } : {}) })),
    t,
    options.introKey ? t(options.introKey, options.vars) : undefined,
  );
  return cardMessage(rendered);
};

export class CardChoicePrompt extends Prompt<string> {
  constructor(dialogId: string, private readonly services: DialogServices, private readonly render: ChoiceRenderer = renderChoiceCard) {
    super(dialogId);
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const choiceOptions = options as CardChoiceOptions;
    const lang = this.services.language.current(context);
    const labels = choiceOptions.items.map((choice) => choice.label[lang]);
    await context.sendActivity(this.render({ context, lang, t: translator(this.services, context), options: choiceOptions, labels, isRetry }));
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const choiceOptions = options as CardChoiceOptions;
    const submitted = (context.activity.value as Record<string, unknown> | undefined)?.[CHOICE_VALUE_KEY];
    const text = typeof submitted === 'string' ? submitted : context.activity.text ?? '';
    const found = this.match(text, choiceOptions, this.services.language.current(context));
    if (found !== undefined) return { succeeded: true, value: found };
    if (choiceOptions.freeText && text.trim() !== '') return { succeeded: true, value: `${FREE_TEXT}${text.trim()}` };
    return { succeeded: false };
  }

  private match(raw: string, options: CardChoiceOptions, lang: Lang): string | undefined {
    const text = toAsciiDigits(raw.trim()).slice(0, 500);
    if (text === '') return undefined;
    const normalized = normalizeText(text);
    // An exact label (in either language) or synonym first: the common case of a pressed button.
    for (const choice of options.items) {
      const names = [choice.label.th, choice.label.en, ...(choice.synonyms ?? [])];
      if (names.some((name) => normalizeText(name) === normalized)) return choice.value;
    }
    const choices: Choice[] = options.items.map((choice) => ({
      value: choice.value,
      synonyms: [choice.label[lang], choice.label[lang === 'th' ? 'en' : 'th'], ...(choice.synonyms ?? [])],
    }));
    const results = recognizeChoices(text, choices, { recognizeNumbers: true, recognizeOrdinals: lang === 'en', locale: 'en-us' });
    return results.length > 0 ? results[0].resolution.value : undefined;
  }
}
