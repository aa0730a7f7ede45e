import type { TurnContext } from 'botbuilder';
import type { Texts } from '../lib/content/texts';
import type { Lang } from '../lib/i18n/language';

/** The citizen's language for this turn, and the way to change it for good. */
export interface LanguageChoice {
  current(context: TurnContext): Lang;
  choose(context: TurnContext, lang: Lang): Promise<void>;
}

/** What dialogs may use. Dialogs do no I/O of their own: everything goes through these services. */
export interface DialogServices {
  texts: Texts;
  language: LanguageChoice;
}

/** Throws at construction when a collaborator is missing, rather than in the middle of a citizen's turn. */
export function requireServices(services: DialogServices | undefined, dialogId: string): DialogServices {
  if (!services?.texts || !services.language) throw new Error(`${dialogId} needs texts and language services`);
  return services;
}
