import type { ConversationState, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { Texts } from '../lib/content/texts';
import { describeErrorForLog } from '../lib/errors';
import { DEFAULT_LANGUAGE, detectLanguage, type Lang, languageFromLocale } from '../lib/i18n/language';
import { conversationLogRef, type Logger } from '../lib/logger';
import { conversationKey } from './adapter';
import { settledLanguage } from './language';

/** After this many failed turns in a row, the conversation's dialog stack is reset so the citizen is not stuck. */
export const FAILURES_BEFORE_RESET = 3;
/** Conversations whose failures are remembered at once; the oldest is forgotten first. */
const MAX_TRACKED_CONVERSATIONS = 10000;

/**
 * Counts consecutive failed turns per conversation. A failing step that fails again on every message would
 * otherwise trap the citizen; resetting at the first failure would throw away a half-filed complaint.
 */
export class TurnFailureTracker {
  private readonly failures = new Map<string, number>();

  recordFailure(key: string): number {
    const count = (this.failures.get(key) ?? 0) + 1;
    this.failures.delete(key);
    this.failures.set(key, count);
    if (this.failures.size > MAX_TRACKED_CONVERSATIONS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    return count;
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }
}

/** A short, stable pseudonym for a conversation in logs: channel user ids are personal data. */
export function conversationRef(context: TurnContext): string {
  return conversationLogRef(conversationKey(context.activity));
}

/** The error may have struck before the language was settled (the store being down, say): then guess. */
function languageForApology(context: TurnContext): Lang {
  return settledLanguage(context)
    ?? detectLanguage(context.activity.text)
    ?? languageFromLocale(context.activity.locale)
    ?? DEFAULT_LANGUAGE;
}

export interface TurnErrorHandlerOptions {
  logger: Logger;
  texts: Texts;
  conversationState: ConversationState;
  tracker: TurnFailureTracker;
}

/**
 * The turn error handler shared by every adapter: logs what failed (codes and stack frames, no personal
 * data), apologises in the citizen's language, and keeps serving. It never throws.
 */
export function createTurnErrorHandler(options: TurnErrorHandlerOptions) {
  const { logger, texts, conversationState, tracker } = options;
  return async (context: TurnContext, error: Error): Promise<void> => {
    const ref = conversationRef(context);
    const failures = tracker.recordFailure(conversationKey(context.activity));
    logger.error(
      { err: describeErrorForLog(error), channelId: context.activity.channelId, activityType: context.activity.type, conversation: ref, failures },
      'turn failed',
    );
    if (failures >= FAILURES_BEFORE_RESET) {
      try {
        await conversationState.delete(context);
        tracker.recordSuccess(conversationKey(context.activity));
        logger.warn({ conversation: ref }, 'conversation state reset after repeated failures');
      } catch (resetError) {
        logger.error({ err: describeErrorForLog(resetError), conversation: ref }, 'could not reset conversation state');
      }
    }
    // Proactive turns have no citizen waiting on this message; an apology there would come out of nowhere.
    if (context.activity.type !== ActivityTypes.Message) return;
    try {
      await context.sendActivity(texts.get(languageForApology(context), 'error.apology'));
    } catch (sendError) {
      logger.error({ err: describeErrorForLog(sendError), conversation: ref }, 'could not send the apology');
    }
  };
}
