import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { ChannelAdapter } from '../../bot/adapter';
import { createTurnErrorHandler, FAILURES_BEFORE_RESET, TurnFailureTracker } from '../../bot/errorHandler';
import { seedTexts } from '../helpers/seedTexts';
import { SEED_CONTENT } from '../../lib/content/seed';
import { AppError } from '../../lib/errors';
import { incomingMessage } from '../helpers/activities';
import { captureLogs } from '../helpers/logCapture';
import { RecordingConnector } from '../helpers/recordingConnector';

const PERSONAL = 'ชื่อ สมชาย ใจดี โทร 0812345678 บัตร 1101700230708';

function setup() {
  const logs = captureLogs();
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const tracker = new TurnFailureTracker();
  const connector = new RecordingConnector('test');
  const adapter = new ChannelAdapter().registerConnector(connector);
  adapter.onTurnError = createTurnErrorHandler({ logger: logs.logger, texts: seedTexts, conversationState, tracker });
  return { logs, conversationState, tracker, connector, adapter };
}

describe('the turn error handler', () => {
  test.each([
    [PERSONAL, 'th'],
    ['My name is John, phone 0812345678', 'en'],
    ['12345', 'th'],
  ] as const)('apologises for %j in %s, and logs no personal data', async (text, lang) => {
    const { logs, connector, adapter } = setup();
    await adapter.processActivity(incomingMessage(text), async () => {
      throw new Error(`could not parse "${text}"`);
    });
    expect(connector.textsFor('conv-1')).toEqual([SEED_CONTENT.messages['error.apology'][lang]]);
    const logged = logs.text();
    expect(logged).toContain('turn failed');
    expect(logged).not.toContain('0812345678');
    expect(logged).not.toContain('สมชาย');
    expect(logged).not.toContain('1101700230708');
    expect(logged).not.toContain('could not parse');
    expect(logged).not.toContain('conv-1');
  });

  test('keeps serving: the next message of the conversation is answered', async () => {
    const { connector, adapter } = setup();
    await adapter.processActivity(incomingMessage('one'), async () => {
      throw new AppError('STORE_UNAVAILABLE', 'store down');
    });
    await adapter.processActivity(incomingMessage('two'), async (context) => {
      await context.sendActivity('served');
    });
    expect(connector.textsFor('conv-1')).toEqual([SEED_CONTENT.messages['error.apology'].en, 'served']);
  });

  test('logs coded errors with their code', async () => {
    const { logs, adapter } = setup();
    await adapter.processActivity(incomingMessage('x'), async () => {
      throw new AppError('STORE_UNAVAILABLE', 'The store did not answer');
    });
    const line = logs.lines().find((entry) => entry.msg === 'turn failed')!;
    expect(line).toMatchObject({ level: 50, err: { code: 'STORE_UNAVAILABLE' }, channelId: 'test', activityType: 'message' });
  });

  test(`resets the dialog state after ${FAILURES_BEFORE_RESET} failures in a row, not before`, async () => {
    const { conversationState, adapter } = setup();
    const counter = conversationState.createProperty<number>('progress');
    await adapter.processActivity(incomingMessage('start'), async (context) => {
      await counter.set(context, 7);
      await conversationState.saveChanges(context);
    });
    const failing = async () => {
      throw new Error('stuck step');
    };
    const progress = async () => {
      let value = 0;
      await adapter.processActivity(incomingMessage('peek'), async (context: TurnContext) => {
        value = await counter.get(context, 0);
        throw new Error('peek fails too, so the failure streak is not broken by it');
      });
      return value;
    };
    for (let i = 1; i < FAILURES_BEFORE_RESET - 1; i += 1) await adapter.processActivity(incomingMessage('again'), failing);
    expect(await progress()).toBe(7);
    await adapter.processActivity(incomingMessage('again'), failing);
    let after = -1;
    await adapter.processActivity(incomingMessage('look'), async (context) => {
      after = await counter.get(context, 0);
    });
    expect(after).toBe(0);
  });

  test('does not apologise on proactive turns, where no citizen is waiting', async () => {
    const { connector, adapter } = setup();
    await adapter.continueConversationAsync('', { channelId: 'test', conversation: { id: 'p' } as never }, async () => {
      throw new Error('delivery failed');
    });
    expect(connector.sent).toHaveLength(0);
  });
});
