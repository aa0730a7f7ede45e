import type { Middleware, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { DEFAULT_LANGUAGE, detectLanguage, isLang, type Lang, languageFromLocale } from '../lib/i18n/language';

/** What the bot remembers about a citizen between conversations: only their language. */
export interface UserProfile {
  language?: Lang;
  /**
   * 'chosen' when the citizen picked it; 'detected' when guessed from their writing; 'started' when their client
   * started the conversation in it (the chat page, in the language its switch shows). Writing may change a
   * detected language, and a started one when it is in Thai script; never a chosen one.
   */
  languageSource?: 'chosen' | 'detected' | 'started';
}

const TURN_LANGUAGE = Symbol('turnLanguage');
const START_LANGUAGE = Symbol('startLanguage');

/**
 * The language the conversation was started in, when the client said so: a conversation update that carries a
 * locale (the chat page sends the language of its switch). Other channels start without one.
 */
function startLocale(activity: TurnContext['activity']): Lang | undefined {
  return activity.type === ActivityTypes.ConversationUpdate ? languageFromLocale(activity.locale) : undefined;
}

/** In a conversation's first turn: the language its client started it in, if it said one (no question needed). */
export function startedInLanguage(context: TurnContext): Lang | undefined {
  const lang: unknown = context.turnState.get(START_LANGUAGE);
  return isLang(lang) ? lang : undefined;
}

/** The language LanguageMiddleware settled for this turn, if it ran. */
export function settledLanguage(context: TurnContext): Lang | undefined {
  const lang: unknown = context.turnState.get(TURN_LANGUAGE);
  return isLang(lang) ? lang : undefined;
}

/** The language of this turn (Thai when nothing is known). */
export function turnLanguage(context: TurnContext): Lang {
  return settledLanguage(context) ?? DEFAULT_LANGUAGE;
}

/**
 * Reads and changes the citizen's language. Dialogs get this injected rather than the accessor, so that
 * a switch takes effect in the same turn and is remembered per user.
 */
export class LanguagePreferences {
  readonly profile: StatePropertyAccessor<UserProfile>;

  constructor(userState: UserState) {
    this.profile = userState.createProperty<UserProfile>('profile');
  }

  current(context: TurnContext): Lang {
    return turnLanguage(context);
  }

  async choose(context: TurnContext, lang: Lang): Promise<void> {
    const profile = await this.profile.get(context, {});
    profile.language = lang;
    profile.languageSource = 'chosen';
    await this.profile.set(context, profile);
    context.turnState.set(TURN_LANGUAGE, lang);
  }

  /**
   * Settles the turn's language: a chosen language stays; a conversation started in a language (by the chat
   * page) takes it; otherwise the message's script decides.
   */
  async settle(context: TurnContext): Promise<Lang> {
    const profile = await this.profile.get(context, {});
    const started = startLocale(context.activity);
    if (started) {
      context.turnState.set(START_LANGUAGE, started);
      if (profile.language !== started || profile.languageSource !== 'chosen') {
        profile.language = started;
        profile.languageSource = 'started';
        await this.profile.set(context, profile);
      }
    }
    let lang = profile.language;
    if (profile.languageSource !== 'chosen' && context.activity.type === ActivityTypes.Message) {
      const detected = detectLanguage(context.activity.text, { strict: profile.language !== undefined });
      // The page's language gives way to Thai script only, which only a Thai reader writes: Thai citizens write
      // names, places, links and even markup in Latin letters, and a Thai page stays Thai for them.
      const convincing = profile.languageSource === 'started' ? detected === 'th' : detected !== undefined;
      if (detected && convincing && detected !== profile.language) {
        profile.language = detected;
        profile.languageSource = 'detected';
        await this.profile.set(context, profile);
      }
      lang = profile.language;
    }
    const settled = lang ?? languageFromLocale(context.activity.locale) ?? DEFAULT_LANGUAGE;
    context.turnState.set(TURN_LANGUAGE, settled);
    return settled;
  }
}

/** Settles the language before the bot sees the turn, so every reply of the turn is in one language. */
export class LanguageMiddleware implements Middleware {
  constructor(private readonly preferences: LanguagePreferences) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await this.preferences.settle(context);
    await next();
  }
}
