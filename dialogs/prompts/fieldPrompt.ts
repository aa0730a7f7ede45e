import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { textMessage } from '../../cards/activity';
import type { Intent } from '../../lib/content/types';
import { markPrivacy, SENSITIVE_ANSWER } from '../../lib/privacy/marks';
import type { SensitiveInput } from '../../lib/privacy/sensitiveInput';
import { type DialogServices, translator } from '../services';
import type { AnswerAware, AnswerKind } from './pendingQuestion';
import { MISSES_BEFORE_HELP, stuckOffer } from './stuck';

/** The outcome of reading a field: a value, or which retry text explains what was wrong. */
export type FieldParse = { ok: true; value: unknown } | { ok: false; retryKey: string; vars?: Record<string, string | number> };

export type FieldParser = (text: string, context: TurnContext) => FieldParse | Promise<FieldParse>;

export interface FieldPromptOptions extends PromptOptions {
  textKey: string;
  vars?: Record<string, string | number>;
  /** A command that answers the question with "nothing" (skip, not sure): the prompt then returns null. */
  skipIntent?: Intent;
  /** The label of the quick reply for that command. */
  skipLabelKey?: string;
  /** Retry text for a message without text (a sticker, a photo where words were expected). */
  emptyRetryKey?: string;
  /**
   * A question whose answer is personal data: the answer is written down only masked (see bot/privacy.ts),
   * and this prompt alone reads it as typed.
   */
  sensitive?: SensitiveInput;
  /**
   * Any words are an answer here (a question to look up), yet words that name another flow ("track my
   * complaint") are taken as that request.
   */
  requests?: 'explicit';
}

interface FieldState {
  retry?: { key: string; vars?: Record<string, string | number> };
  /** Answers in a row that could not be taken. */
  misses?: number;
}

/**
 * A question answered by typing: the parser checks the answer and, when it fails, names the text that says
 * precisely what to fix (why the ID failed its checksum, what a Thai phone number looks like). The question
 * and its retry are rendered in the citizen's current language each time.
 */
export class FieldPrompt extends Prompt<unknown> implements AnswerAware {
  constructor(dialogId: string, private readonly services: DialogServices, private readonly parse: FieldParser) {
    super(dialogId);
  }

  answerKind(options: PromptOptions): AnswerKind {
    const field = options as FieldPromptOptions;
    if (field.sensitive) return 'sensitive';
    return field.requests === 'explicit' ? 'search' : 'field';
  }

  async takes(context: TurnContext, options: PromptOptions): Promise<boolean> {
    const field = options as FieldPromptOptions;
    // Personal data is read by the parser alone, when the prompt takes its turn.
    if (field.sensitive) return true;
    // Free words are a valid answer here, but not a definitive one: the root first looks for a request in them.
    if (field.requests === 'explicit') return false;
    const text = context.activity.text ?? '';
    if (field.skipIntent && this.services.intents.is(text, field.skipIntent)) return true;
    if (text.trim() === '') return false;
    return (await this.parse(text, context)).ok;
  }

  askIdOf(): string | undefined {
    return undefined;
  }

  questionIdOf(): string | undefined {
    return undefined;
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const field = options as FieldPromptOptions;
    const fieldState = state as FieldState;
    const t = translator(this.services, context);
    const retry = fieldState.retry;
    let question = isRetry && retry ? t(retry.key, retry.vars) : t(field.textKey, field.vars);
    const labels = field.skipLabelKey ? [t(field.skipLabelKey)] : [];
    if (isRetry) {
      fieldState.misses = (fieldState.misses ?? 0) + 1;
      if (fieldState.misses >= MISSES_BEFORE_HELP) {
        const stuck = stuckOffer(t);
        question = `${question}\n\n${stuck.text}`;
        labels.push(...stuck.labels);
      }
    }
    const message = textMessage(question, labels);
    await context.sendActivity(field.sensitive ? markPrivacy(message, { expects: field.sensitive }) : message);
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<unknown>> {
    const field = options as FieldPromptOptions;
    const fieldState = state as FieldState;
    const asTyped: unknown = field.sensitive ? context.turnState.get(SENSITIVE_ANSWER) : undefined;
    const text = typeof asTyped === 'string' ? asTyped : context.activity.text ?? '';
    if (field.skipIntent && this.services.intents.is(text, field.skipIntent)) return { succeeded: true, value: null };
    if (text.trim() === '') {
      fieldState.retry = { key: field.emptyRetryKey ?? field.textKey, vars: field.vars };
      return { succeeded: false };
    }
    const parsed = await this.parse(text, context);
    if (parsed.ok) return { succeeded: true, value: parsed.value };
    fieldState.retry = { key: parsed.retryKey, vars: parsed.vars };
    return { succeeded: false };
  }
}
