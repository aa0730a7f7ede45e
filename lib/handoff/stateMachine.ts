/**
 * Who owns a conversation: the bot, the queue, or an officer. `bot` → `queued` → `live` → `closed` → `bot`.
 *
 * - `request`: the citizen asks for an officer (queued for a live chat in office hours, or a question parked for
 *   the next working day — both wait in the queue);
 * - `claim`: an officer takes it (atomically: two officers never get one citizen);
 * - `transfer`: moves a waiting or live conversation to another centre's queue;
 * - `withdraw`: the citizen gives up waiting (or takes the offer to leave a question instead);
 * - `close`: the officer (or idleness) ends it; `release`: the bot takes over again after saying goodbye.
 *
 * The pure transition function is the one place that says which moves are legal; the repository applies
 * a move only if the stored state is still the one it was computed from.
 */

export const HANDOFF_STATES = ['bot', 'queued', 'live', 'closed'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export const HANDOFF_EVENTS = ['request', 'claim', 'transfer', 'withdraw', 'close', 'release'] as const;
export type HandoffEvent = (typeof HANDOFF_EVENTS)[number];

const MOVES: Readonly<Record<HandoffState, Partial<Record<HandoffEvent, HandoffState>>>> = {
  bot: { request: 'queued' },
  queued: { claim: 'live', transfer: 'queued', withdraw: 'bot', close: 'closed' },
  live: { transfer: 'queued', close: 'closed' },
  closed: { release: 'bot', request: 'queued' },
};

/** The state after `event`, or undefined when the event is not allowed in `state`. */
export function nextState(state: HandoffState, event: HandoffEvent): HandoffState | undefined {
  return MOVES[state][event];
}

/** The states from which `event` is allowed: the repository's filter for an atomic move. */
export function statesAllowing(event: HandoffEvent): HandoffState[] {
  return HANDOFF_STATES.filter((state) => MOVES[state][event] !== undefined);
}

/** Whether the bot answers the citizen in this state; otherwise their messages go to officers. */
export function botOwns(state: HandoffState): boolean {
  return state === 'bot' || state === 'closed';
}

/**
 * Botbuilder's handoff status values (`handoff.status` events): what the citizen's client is told about the
 * conversation's owner after each move.
 */
export function handoffStatus(state: HandoffState): 'accepted' | 'completed' | 'failed' | undefined {
  switch (state) {
    case 'live':
      return 'accepted';
    case 'closed':
    case 'bot':
      return 'completed';
    default:
      return undefined;
  }
}
