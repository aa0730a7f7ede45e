import { ActivityTypes, type TurnContext } from 'botbuilder';
import { describeActivity, type EarlierMessage, type WatchingSource } from './earlier';

/**
 * The earlier messages of a channel that keeps no log of its own (Azure Bot Service channels): only what the
 * turn of the request itself had — the citizen's message and what the bot said in that turn before the request —
 * kept in the turn's memory. Messages of earlier turns are not kept anywhere for the officers: writing them down
 * every turn is what this design avoids (see handoff/earlier.ts).
 */

const TURN_MESSAGES = Symbol('handoff.turnMessages');

export class TurnMessages implements WatchingSource {
  constructor(private readonly now: () => number = Date.now) {}

  watch(context: TurnContext): void {
    const messages: EarlierMessage[] = [{ speaker: 'citizen', at: this.now(), ...describeActivity(context.activity) }];
    context.turnState.set(TURN_MESSAGES, messages);
    context.onSendActivities(async (_turn, activities, send) => {
      for (const sent of activities) {
        if (sent.type === ActivityTypes.Message) messages.push({ speaker: 'bot', at: this.now(), ...describeActivity(sent) });
      }
      return send();
    });
  }

  async read(context: TurnContext): Promise<EarlierMessage[]> {
    return [...((context.turnState.get(TURN_MESSAGES) as EarlierMessage[] | undefined) ?? [])];
  }
}
