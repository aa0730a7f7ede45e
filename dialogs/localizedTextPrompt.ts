import type { TurnContext } from 'botbuilder';
import { type PromptOptions, type PromptValidator, TextPrompt } from 'botbuilder-dialogs';
import type { DialogServices } from './services';

/**
 * Prompt options that name texts instead of carrying them. Dialog state keeps the keys, and the question is
 * rendered each time it is asked, in the citizen's language of that moment: after "English" mid-flow, the
 * pending question comes again in English, not as a replay of the Thai one.
 */
export interface LocalizedPromptOptions extends PromptOptions {
  textKey: string;
  /** Asked after an answer failed validation; defaults to textKey. */
  retryKey?: string;
  vars?: Record<string, string | number>;
}

export function isLocalized(options: PromptOptions): options is LocalizedPromptOptions {
  return typeof (options as Partial<LocalizedPromptOptions>).textKey === 'string';
}

export class LocalizedTextPrompt extends TextPrompt {
  constructor(dialogId: string, private readonly services: DialogServices, validator?: PromptValidator<string>) {
    super(dialogId, validator);
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (!isLocalized(options)) {
      await super.onPrompt(context, state, options, isRetry);
      return;
    }
    const key = isRetry && options.retryKey ? options.retryKey : options.textKey;
    await context.sendActivity(this.services.texts.get(this.services.language.current(context), key, options.vars));
  }
}
