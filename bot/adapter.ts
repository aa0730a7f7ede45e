import {
  type Activity,
  ActivityEventNames,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { AppError } from '../lib/errors';
import { KeyedLock } from '../lib/keyedLock';
import type { ChannelConnector } from './channels/connector';
import { conversationKey } from '../lib/conversationKey';

export type BotLogic = (context: TurnContext) => Promise<void>;

/** The turn state key under which an `invokeResponse` activity is left for the channel endpoint. */
export const INVOKE_RESPONSE_KEY = Symbol('invokeResponse');

/** A bot may ask the channel to pause between messages; a long pause would hold the conversation's lock. */
const MAX_DELAY_MS = 5000;

/** The key that serialises turns: one conversation on one channel (lib/conversationKey.ts). */
export { conversationKey };

/**
 * The lock that serialises turns. Not reentrant: a reentrant lock tracks its holders with AsyncLocalStorage,
 * which on Node 20 and 22 hooks every promise the process creates, in every turn, for a case that does not
 * occur. No turn starts another turn of its own conversation: proactive turns (an officer's reply, a transfer,
 * a closing, the sweep's offer) come from the officer API and the background jobs, outside any turn. A turn that
 * did would wait for itself.
 */
export function newTurnLock(): KeyedLock {
  return new KeyedLock({ reentrant: false });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs turns for the channels this service carries itself (Direct Line, Messenger, LINE) and sends the bot's
 * activities back through the connector registered for the activity's `channelId`.
 *
 * Turns of one conversation run one at a time, in arrival order, proactive ones included: two messages of
 * one citizen never race over the same state. During shutdown new incoming activities are refused with
 * SHUTTING_DOWN while running turns finish (see drain()).
 */
export class ChannelAdapter extends BotAdapter {
  private readonly connectors = new Map<string, ChannelConnector>();
  private runningTurns = 0;
  private idleWaiters: Array<() => void> = [];
  private acceptingTurns = true;

  /** @param turnLock shared with other adapters' endpoints so that every turn of a conversation queues on one lock. */
  constructor(private readonly turnLock: KeyedLock = newTurnLock()) {
    super();
  }

  registerConnector(connector: ChannelConnector): this {
    if (this.connectors.has(connector.channelId)) {
      throw new Error(`A connector for channel "${connector.channelId}" is already registered`);
    }
    this.connectors.set(connector.channelId, connector);
    return this;
  }

  hasConnector(channelId: string): boolean {
    return this.connectors.has(channelId);
  }

  /** Turns running or waiting for their conversation's lock. */
  get activeTurns(): number {
    return this.runningTurns;
  }

  /**
   * Runs one incoming activity through the middleware and the bot. A channel endpoint calls this after it has
   * authenticated the request and filled in `channelId`, `conversation`, `from`, `recipient` and `timestamp`.
   */
  async processActivity(activity: Partial<Activity>, logic: BotLogic): Promise<void> {
    if (!this.acceptingTurns) throw new AppError('SHUTTING_DOWN', 'The service is shutting down');
    if (!activity.type || !activity.channelId || !activity.conversation?.id) {
      throw new TypeError('An activity needs a type, a channelId and a conversation id');
    }
    await this.runTurn(activity, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      switch (activity.type) {
        case 'delay':
          await sleep(Math.min(Math.max(Number(activity.value) || 1000, 0), MAX_DELAY_MS));
          responses.push({ id: '' });
          break;
        case ActivityTypes.InvokeResponse:
          context.turnState.set(INVOKE_RESPONSE_KEY, activity);
          responses.push({ id: '' });
          break;
        case ActivityTypes.Trace:
          // Trace activities are for the Bot Framework Emulator, which does not use these channels.
          responses.push({ id: '' });
          break;
        default:
          responses.push(await this.connectorFor(activity.channelId).send(activity));
      }
    }
    return responses;
  }

  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const connector = this.connectorFor(activity.channelId);
    if (!connector.update) {
      throw new AppError('CHANNEL_UNSUPPORTED_OPERATION', `Channel "${connector.channelId}" cannot update a sent activity`);
    }
    await connector.update(activity);
  }

  override async deleteActivity(_context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const connector = this.connectorFor(reference.channelId);
    if (!connector.delete) {
      throw new AppError('CHANNEL_UNSUPPORTED_OPERATION', `Channel "${connector.channelId}" cannot delete a sent activity`);
    }
    await connector.delete(reference);
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    await this.continueProactively(reference, logic);
  }

  /**
   * Proactive messages: officer replies, status changes. The app id or claims identity is accepted for
   * signature compatibility with CloudAdapter; these channels authenticate themselves and do not use it.
   */
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: BotLogic | string,
    maybeLogic?: BotLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync needs a logic callback');
    await this.continueProactively(reference, logic);
  }

  /** Stops taking new incoming activities; running and queued turns go on. */
  stopAcceptingTurns(): void {
    this.acceptingTurns = false;
  }

  /** Resolves true when no turn is running, or false if timeoutMs passes first. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.runningTurns === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([idle, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async continueProactively(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    if (!reference.channelId || !reference.conversation?.id) {
      throw new TypeError('A conversation reference needs a channelId and a conversation id');
    }
    this.connectorFor(reference.channelId);
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: ActivityEventNames.ContinueConversation, timestamp: new Date() },
      reference,
      true,
    );
    await this.runTurn(activity, logic);
  }

  private async runTurn(activity: Partial<Activity>, logic: BotLogic): Promise<void> {
    this.runningTurns += 1;
    try {
      await this.turnLock.run(conversationKey(activity), async () => {
        const context = new TurnContext(this, activity);
        await this.runMiddleware(context, logic);
      });
    } finally {
      this.runningTurns -= 1;
      if (this.runningTurns === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  private connectorFor(channelId: string | undefined): ChannelConnector {
    const connector = channelId === undefined ? undefined : this.connectors.get(channelId);
    if (!connector) {
      throw new AppError('CHANNEL_NOT_REGISTERED', `No connector is registered for channel "${channelId ?? ''}"`);
    }
    return connector;
  }
}
