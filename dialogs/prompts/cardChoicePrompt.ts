import { createHash, randomBytes } from 'node:crypto';
import { type Activity, type CardAction, TurnContext } from 'botbuilder';
import { type Choice, Prompt, type PromptOptions, type PromptRecognizerResult, recognizeChoices } from 'botbuilder-dialogs';
import type { Translate } from '../../cards/card';
import { choiceCard, CHOICE_VALUE_KEY } from '../../cards/choices';
import { cardMessage } from '../../cards/activity';
import { stampStep, valueOf } from '../../cards/valueActions';
import type { Bilingual } from '../../lib/content/types';
import type { Lang } from '../../lib/i18n/language';
import type { Intent } from '../../lib/content/types';
import { normalizeText, toAsciiDigits, withoutPoliteEnding } from '../../lib/thai/text';
import { type DialogServices, translator } from '../services';
import type { AnswerAware, AnswerKind } from './pendingQuestion';
import { MISSES_BEFORE_HELP, stuckOffer } from './stuck';

/** An option: its value (what the dialog gets back) and its label in both languages. */
export interface ChoiceDef {
  value: string;
  label: Bilingual;
  detail?: Bilingual;
  synonyms?: string[];
  /** A command whose words also choose this option ("โอเค", "ใช่ครับ", "sure" for yes). */
  intent?: Intent;
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
  /**
   * The options are complaint categories: words of a category ("ไฟฟ้าดับบ่อย", "roads") choose it, as they do in
   * a first message.
   */
  categories?: boolean;
  /** Extra data for a renderer (the summary's lines, for instance). */
  data?: unknown;
}

export const FREE_TEXT = 'text:';
/** An option's number typed alone, as the text-only rendering lists them ("2", "๒", "2.", "ข้อ 2", "option 2"). */
const OPTION_NUMBER = /^(?:ข้อ|หมายเลข|no\.?|option|number)?\s*([0-9]{1,2})\s*[.)]?$/i;

interface ChoiceState {
  /** Stamped on this question's buttons: a button carrying another id is from an older card. */
  askId?: string;
  /** Answers in a row that matched no option. */
  misses?: number;
}

export interface RenderInput {
  context: TurnContext;
  lang: Lang;
  t: Translate;
  options: CardChoiceOptions;
  labels: string[];
  isRetry: boolean;
}

export type ChoiceRenderer = (input: RenderInput) => Partial<Activity>;

/**
 * The default rendering: a card with a button per option (a dropdown when there are many). Why an answer was
 * not taken is said by the prompt itself, above whatever a renderer draws.
 */
export const renderChoiceCard: ChoiceRenderer = ({ lang, t, options, labels }) => {
  const rendered = choiceCard(
    lang,
    t(options.textKey, options.vars),
    options.items.map((choice, index) => ({ label: labels[index], ...(choice.detail ? { detail: choice.detail[lang] } : {}) })),
    t,
    options.introKey ? t(options.introKey, options.vars) : undefined,
  );
  return cardMessage(rendered);
};

function suggestions(labels: readonly string[]): Activity['suggestedActions'] {
  return { to: [], actions: labels.map((label): CardAction => ({ type: 'imBack', title: label, value: label })) };
}

export class CardChoicePrompt extends Prompt<string> implements AnswerAware {
  constructor(dialogId: string, private readonly services: DialogServices, private readonly render: ChoiceRenderer = renderChoiceCard) {
    super(dialogId);
  }

  answerKind(options: PromptOptions): AnswerKind {
    return (options as CardChoiceOptions).freeText ? 'search' : 'choice';
  }

  async takes(context: TurnContext, options: PromptOptions): Promise<boolean> {
    const text = this.answerText(context);
    return (this.exact(text, options as CardChoiceOptions) ?? this.category(text, options as CardChoiceOptions)) !== undefined;
  }

  askIdOf(state: object): string | undefined {
    return (state as ChoiceState).askId;
  }

  questionIdOf(options: PromptOptions): string {
    const { textKey, vars, items } = options as CardChoiceOptions;
    const question = JSON.stringify([this.id, textKey, vars ?? {}, items.map((item) => item.value)]);
    return createHash('sha256').update(question).digest('base64url').slice(0, 12);
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const choiceOptions = options as CardChoiceOptions;
    const choiceState = state as ChoiceState;
    choiceState.askId ??= randomBytes(6).toString('base64url');
    const lang = this.services.language.current(context);
    const t = translator(this.services, context);
    const labels = choiceOptions.items.map((choice) => choice.label[lang]);
    const activity = this.render({ context, lang, t, options: choiceOptions, labels, isRetry });
    if (isRetry) {
      choiceState.misses = (choiceState.misses ?? 0) + 1;
      const stuck = choiceState.misses >= MISSES_BEFORE_HELP ? stuckOffer(t) : undefined;
      // One message: why the answer was not taken, above the question asked again.
      activity.text = stuck ? stuck.text : t(choiceOptions.retryKey ?? 'common.choiceRetry');
      activity.textFormat = 'plain';
      if (stuck) activity.suggestedActions = suggestions(stuck.labels);
    }
    await context.sendActivity(stampStep(activity, { step: choiceState.askId, question: this.questionIdOf(options) }));
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const choiceOptions = options as CardChoiceOptions;
    const text = this.answerText(context);
    const found = this.exact(text, choiceOptions) ?? this.fuzzy(text, choiceOptions, this.services.language.current(context)) ?? this.category(text, choiceOptions);
    if (found !== undefined) return { succeeded: true, value: found };
    if (choiceOptions.freeText && text.trim() !== '') return { succeeded: true, value: `${FREE_TEXT}${text.trim()}` };
    return { succeeded: false };
  }

  /** The dropdown's submitted value, or the message's text. */
  private answerText(context: TurnContext): string {
    const submitted = valueOf(context.activity)?.[CHOICE_VALUE_KEY];
    return typeof submitted === 'string' ? submitted : context.activity.text ?? '';
  }

  /** An option's label (in either language) or synonym, or its number typed alone: a pressed button, typically. */
  private exact(raw: string, options: CardChoiceOptions): string | undefined {
    const text = toAsciiDigits(raw.trim()).slice(0, 500);
    if (text === '') return undefined;
    const normalized = normalizeText(text);
    // "ใช่ค่ะ", "ยินยอมครับ": the option's name with the polite words that end a Thai sentence.
    const core = withoutPoliteEnding(text);
    for (const choice of options.items) {
      const names = [choice.label.th, choice.label.en, ...(choice.synonyms ?? [])];
      if (names.some((name) => normalizeText(name) === normalized || withoutPoliteEnding(name) === core)) return choice.value;
      if (choice.intent && this.services.intents.is(text, choice.intent)) return choice.value;
    }
    const number = OPTION_NUMBER.exec(text);
    const index = number ? Number(number[1]) - 1 : -1;
    return index >= 0 && index < options.items.length ? options.items[index].value : undefined;
  }

  /** A category named by its words, when the options are categories. */
  private category(raw: string, options: CardChoiceOptions): string | undefined {
    if (!options.categories || raw.trim() === '') return undefined;
    const guessed = this.services.intents.guessCategory(normalizeText(raw.slice(0, 500)));
    return options.items.some((item) => item.value === guessed) ? guessed : undefined;
  }

  /**
   * Words that name an option without being its label ("the second one", "ร้องเรียนเจ้าหน้าที่"). Numbers inside
   * a sentence are not read as option numbers: "can I file 2 complaints?" is not option 2.
   */
  private fuzzy(raw: string, options: CardChoiceOptions, lang: Lang): string | undefined {
    const text = toAsciiDigits(raw.trim()).slice(0, 500);
    if (text === '') return undefined;
    const choices: Choice[] = options.items.map((choice) => ({
      value: choice.value,
      synonyms: [choice.label[lang], choice.label[lang === 'th' ? 'en' : 'th'], ...(choice.synonyms ?? [])],
    }));
    const results = recognizeChoices(text, choices, { recognizeNumbers: false, recognizeOrdinals: lang === 'en', locale: 'en-us' });
    return results.length > 0 ? results[0].resolution.value : undefined;
  }
}
