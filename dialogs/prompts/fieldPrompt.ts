import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { textMessage } from '../../cards/activity';
import type { Intent } from '../../lib/content/types';
import { markPrivacy, SENSITIVE_ANSWER } from '../../lib/privacy/marks';
import type { SensitiveInput } from '../../lib/privacy/sensitiveInput';
import { type DialogServices, translator } from '../services';

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
}

interface FieldState {
  retry?: { key: string; vars?: Record<string, string | number> };
}

/**
 * A question answered by typing: the parser checks the answer and, when it fails, names the text that says
 * precisely what to fix (why the ID failed its checksum, what a Thai phone number looks like). The question
 * and its retry are rendered in the citizen's current language each time.
 */
export class FieldPrompt extends Prompt<unknown> {
  constructor(dialogId: string, private readonly services: DialogServices, private readonly parse: FieldParser) {
    super(dialogId);
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const field = options as FieldPromptOptions;
    const t = translator(this.services, context);
    const retry = (state as FieldState).retry;
    const question = isRetry && retry ? t(retry.key, retry.vars) : t(field.textKey, field.vars);
    const message = textMessage(question, field.skipLabelKey ? [t(field.skipLabelKey)] : []);
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
