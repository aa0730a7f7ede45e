import type { Middleware, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { DEFAULT_LANGUAGE, detectLanguage, isLang, type Lang, languageFromLocale } from '../lib/i18n/language';

/** What the bot remembers about a citizen between conversations: only their language. */
export interface UserProfile {
  language?: Lang;
  /** 'chosen' when the citizen picked it; 'detected' when guessed from their writing, which later writing may change. */
  languageSource?: 'chosen' | 'detected';
}

const TURN_LANGUAGE = Symbol('turnLanguage');

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

  /** Settles the turn's language: a chosen language stays; otherwise the message's script decides. */
  async settle(context: TurnContext): Promise<Lang> {
    const profile = await this.profile.get(context, {});
    let lang = profile.language;
    if (profile.languageSource !== 'chosen' && context.activity.type === ActivityTypes.Message) {
      const detected = detectLanguage(context.activity.text, { strict: profile.language !== undefined });
      if (detected && detected !== profile.language) {
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
