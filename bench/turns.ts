import { type Activity, ConversationState, MemoryStorage, type Storage, UserState } from 'botbuilder';
import { ComponentDialog, type DialogState, runDialog, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { ChannelAdapter } from '../bot/adapter';
import type { ChannelConnector } from '../bot/channels/connector';
import { LanguageMiddleware, LanguagePreferences } from '../bot/language';
import { openStore } from '../lib/store';
import { StoreBotStorage } from '../lib/store/botStorage';
import { ensureIndexes } from '../lib/store/indexes';
import { SERVICE_INDEXES } from '../bot/indexes';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRow, type LatencySummary, nowMs, summarise } from './stats';

/**
 * `npm run bench -- turns`: a three-step waterfall driven through ChannelAdapter with conversation and user
 * state, 200 conversations at once, each citizen sending their next message as soon as the previous turn
 * finished (a closed loop that keeps 200 turns in flight). The same run on botbuilder's MemoryStorage is the
 * ceiling. A second, paced run sends each of the 200 conversations one message every 100 ms, the way people
 * type, to show the latency of a turn when the service is not saturated.
 */

const CONVERSATIONS = 200;
const ROUNDS = 8;
const PACED_INTERVAL_MS = 100;
const PACED_ROUNDS = 4;

class NullConnector implements ChannelConnector {
  readonly channelId = 'bench';
  private next = 0;
  async send(_activity: Partial<Activity>) {
    this.next += 1;
    return { id: String(this.next) };
  }
}

class ThreeStepDialog extends ComponentDialog {
  constructor() {
    super('threeSteps');
    this.addDialog(new TextPrompt('text'));
    this.addDialog(new WaterfallDialog('steps', [
      async (step) => step.prompt('text', { prompt: 'What happened?' }),
      async (step) => {
        (step.values as Record<string, unknown>).what = step.result;
        return step.prompt('text', { prompt: 'Where did it happen?' });
      },
      async (step) => {
        await step.context.sendActivity(`Thank you. Noted: ${String((step.values as Record<string, unknown>).what).slice(0, 20)}`);
        return step.endDialog();
      },
    ]));
    this.initialDialogId = 'steps';
  }
}

function message(conversation: number, round: number, step: number): Partial<Activity> {
  return {
    type: 'message',
    id: `${conversation}-${round}-${step}`,
    text: step === 0 ? 'ถนนหน้าบ้านพัง' : step === 1 ? 'ถนนเป็นหลุมลึก รถจักรยานยนต์ล้มหลายคัน' : 'หมู่ 3 ตำบลสันทราย',
    channelId: 'bench',
    serviceUrl: 'http://localhost/bench',
    conversation: { id: `conversation-${conversation}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `citizen-${conversation}`, name: '' },
    recipient: { id: 'bot', name: 'bot' },
    timestamp: new Date(),
  };
}

function buildPipeline(storage: Storage) {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const language = new LanguagePreferences(userState);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const dialog = new ThreeStepDialog();
  const adapter = new ChannelAdapter().registerConnector(new NullConnector()).use(new LanguageMiddleware(language));
  const logic = async (context: import('botbuilder').TurnContext) => {
    await runDialog(dialog, context, dialogState);
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  };
  return async (activity: Partial<Activity>) => adapter.processActivity(activity, logic);
}

async function closedLoop(turn: (activity: Partial<Activity>) => Promise<void>, rounds: number): Promise<LatencySummary> {
  const latencies: number[] = [];
  const started = nowMs();
  await Promise.all(Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
    for (let round = 0; round < rounds; round += 1) {
      for (let step = 0; step < 3; step += 1) {
        const t0 = nowMs();
        await turn(message(conversation, round, step));
        latencies.push(nowMs() - t0);
      }
    }
  }));
  return summarise(latencies, nowMs() - started);
}

async function pacedLoop(turn: (activity: Partial<Activity>) => Promise<void>): Promise<LatencySummary> {
  const latencies: number[] = [];
  const started = nowMs();
  await Promise.all(Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
    // Spread the conversations over the interval, as independent people would be.
    await new Promise((resolve) => setTimeout(resolve, (conversation * PACED_INTERVAL_MS) / CONVERSATIONS));
    for (let round = 0; round < PACED_ROUNDS; round += 1) {
      for (let step = 0; step < 3; step += 1) {
        const t0 = nowMs();
        await turn(message(conversation, round, step));
        const elapsed = nowMs() - t0;
        latencies.push(elapsed);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, PACED_INTERVAL_MS - elapsed)));
      }
    }
  }));
  return summarise(latencies, nowMs() - started);
}

async function measure(storage: Storage) {
  const turn = buildPipeline(storage);
  await closedLoop(turn, 1); // warm-up: JIT, prepared statements, first state rows
  const saturated = await closedLoop(turn, ROUNDS);
  const paced = await pacedLoop(turn);
  return { saturated, paced };
}

export async function runTurnsBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddbot-bench-turns-'));
  const store = await openStore({ dataDir });
  await ensureIndexes(store, SERVICE_INDEXES);
  try {
    const ceiling = await measure(new MemoryStorage());
    const embedded = await measure(new StoreBotStorage(store));
    const widths = [34, 8, 10, 9, 9, 9];
    console.log(`turns: 3-step waterfall, ${CONVERSATIONS} concurrent conversations, state saved once per turn`);
    console.log(formatRow(['run', 'turns', 'turns/s', 'p50 ms', 'p99 ms', 'max ms'], widths));
    const rows: Array<[string, LatencySummary]> = [
      ['MemoryStorage, saturated (ceiling)', ceiling.saturated],
      ['embedded store, saturated', embedded.saturated],
      ['MemoryStorage, paced 10 msg/s each', ceiling.paced],
      ['embedded store, paced 10 msg/s each', embedded.paced],
    ];
    for (const [name, s] of rows) console.log(formatRow([name, s.count, s.perSecond, s.p50, s.p99, s.max], widths));
    const ratio = embedded.saturated.perSecond / ceiling.saturated.perSecond;
    console.log(`embedded/ceiling throughput: ${(ratio * 100).toFixed(1)} % (goal >= 70 %): ${ratio >= 0.7 ? 'met' : 'NOT met'}`);
    console.log(`embedded p99, paced: ${embedded.paced.p99.toFixed(2)} ms (goal < 10 ms): ${embedded.paced.p99 < 10 ? 'met' : 'NOT met'}`);
    console.log(`embedded p99, saturated with ${CONVERSATIONS} turns in flight: ${embedded.saturated.p99.toFixed(2)} ms (goal < 10 ms): ${embedded.saturated.p99 < 10 ? 'met' : 'NOT met'}`);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
