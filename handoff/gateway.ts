import type { TurnContext } from 'botbuilder';
import { conversationKey } from '../lib/conversationKey';
import type { HandoffDocument, HandoffKind } from '../lib/handoff/handoffs';
import type { Lang } from '../lib/i18n/language';
import type { EarlierMessages } from './earlier';
import type { HandoffService } from './service';

/** What the citizen-side dialogs need of the handoff: whether officers are in, and asking for one. */
export interface HandoffGateway {
  liveNow(): boolean;
  describeNextOpening(lang: Lang): string | undefined;
  /** Why officers are not in now, from the calendar (today's holiday, today's hours). */
  describeClosedNow(lang: Lang): string;
  /** Whether the centre has any officer accounts at all. */
  staffed(centreCode: string): Promise<boolean>;
  request(context: TurnContext, options: { centreCode: string; kind: HandoffKind; reason: string; lang: Lang; complaintId?: string }): Promise<{ handoff: HandoffDocument; created: boolean }>;
  position(handoff: HandoffDocument): Promise<number>;
  estimateMinutes(handoff: HandoffDocument, position: number): Promise<number | undefined>;
  /**
   * Once the citizen is told they are queued, nothing else the bot would say in this turn is sent: not the
   * "anything else?" of the menu, nor the question of a flow the request interrupted (that flow waits, and goes
   * on when the bot has the conversation back).
   */
  silenceRestOfTurn(context: TurnContext): void;
}

const SILENCED = Symbol('handoff.silenced');

export function silenceRestOfTurn(context: TurnContext): void {
  context.turnState.set(SILENCED, true);
}

export function isSilenced(context: TurnContext): boolean {
  return context.turnState.get(SILENCED) === true;
}

export function handoffGateway(service: HandoffService, earlier: EarlierMessages): HandoffGateway {
  return {
    liveNow: () => service.liveNow(),
    describeNextOpening: (lang) => service.describeNextOpening(lang),
    describeClosedNow: (lang) => service.describeClosedNow(lang),
    staffed: (centreCode) => service.staffed(centreCode),
    request: async (context, options) => {
      // A conversation handed off before: its transcript has everything up to when the bot had it back.
      const previous = await service.get(conversationKey(context.activity));
      return service.request(context, { ...options, history: await earlier.read(context, previous?.updatedAt) });
    },
    position: (handoff) => service.position(handoff),
    estimateMinutes: (handoff, position) => service.estimateMinutes(handoff, position),
    silenceRestOfTurn,
  };
}
