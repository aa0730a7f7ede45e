import type { TurnContext } from 'botbuilder';
import type { Translate } from '../cards/card';
import type { CentreDirectory, CentreSearch } from '../lib/centres';
import type { ComplaintService } from '../lib/complaints/service';
import type { Texts } from '../lib/content/texts';
import type { Category } from '../lib/content/types';
import type { FaqService } from '../lib/faq/service';
import type { Lang } from '../lib/i18n/language';
import type { IntentRecognizer } from '../lib/intents/recognizer';
import type { HandoffGateway } from '../handoff/gateway';

/** The citizen's language for this turn, and the way to change it for good. */
export interface LanguageChoice {
  current(context: TurnContext): Lang;
  choose(context: TurnContext, lang: Lang): Promise<void>;
}

/** What dialogs may use. Dialogs do no I/O of their own: everything goes through these services. */
export interface DialogServices {
  texts: Texts;
  language: LanguageChoice;
  content: { categories(): readonly Category[]; category(id: string): Category | undefined };
  intents: IntentRecognizer;
  centres: { directory: CentreDirectory; search: CentreSearch };
  faq: FaqService;
  complaints: ComplaintService;
  /** Asking for an officer: a live chat in office hours, a question left for later otherwise. */
  handoff: HandoffGateway;
  /** The clock: tests set it, dialogs never read the system time themselves. */
  now: () => number;
  /**
   * Where the privacy notice is published, for the citizen of this turn (linked from the consent question): on
   * the address they reach the service at, in their language.
   */
  privacyUrl(context: TurnContext): string;
}

const REQUIRED: ReadonlyArray<keyof DialogServices> = ['texts', 'language', 'content', 'intents', 'centres', 'faq', 'complaints', 'handoff', 'now', 'privacyUrl'];

/** Throws at construction when a collaborator is missing, rather than in the middle of a citizen's turn. */
export function requireServices(services: DialogServices | undefined, dialogId: string): DialogServices {
  const missing = REQUIRED.filter((name) => !services?.[name]);
  if (missing.length > 0) throw new Error(`${dialogId} needs the services: ${missing.join(', ')}`);
  return services as DialogServices;
}

/** Texts in the citizen's language of this turn. */
export function translator(services: DialogServices, context: TurnContext): Translate {
  const lang = services.language.current(context);
  return (key, vars) => services.texts.get(lang, key, vars);
}

/** A text in both languages, for options that are recognised whichever language the citizen answers in. */
export function bilingual(services: DialogServices, key: string, vars?: Record<string, string | number>): { th: string; en: string } {
  return { th: services.texts.get('th', key, vars), en: services.texts.get('en', key, vars) };
}
