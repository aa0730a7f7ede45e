import { type Activity, ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { ChannelAdapter, conversationKey } from '../../bot/adapter';
import { AppError } from '../../lib/errors';
import { KeyedLock } from '../../lib/keyedLock';
import { openStore } from '../../lib/store';
import { StoreBotStorage } from '../../lib/store/botStorage';
import { incomingMessage } from '../helpers/activities';
import { RecordingConnector } from '../helpers/recordingConnector';
import { makeTempDir } from '../helpers/tempDir';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChannelAdapter', () => {
  test('routes each sent activity to the connector of its channelId', async () => {
    const web = new RecordingConnector('web');
    const line = new RecordingConnector('line');
    const adapter = new ChannelAdapter().registerConnector(web).registerConnector(line);
    await adapter.processActivity(incomingMessage('hi', { channelId: 'line', conversationId: 'L1' }), async (context) => {
      const response = await context.sendActivity('reply on line');
      expect(response?.id).toBe('1');
    });
    expect(line.textsFor('L1')).toEqual(['reply on line']);
    expect(web.sent).toHaveLength(0);
    expect(line.sent[0]).toMatchObject({ channelId: 'line', conversation: { id: 'L1' }, recipient: { id: 'user-1' }, from: { id: 'bot' } });
  });

  test('a send on a channel without a connector is a coded error that reaches the turn error handler', async () => {
    const adapter = new ChannelAdapter().registerConnector(new RecordingConnector('web'));
    const errors: unknown[] = [];
    adapter.onTurnError = async (_context, error) => {
      errors.push(error);
    };
    await adapter.processActivity(incomingMessage('hi', { channelId: 'fax' }), async (context) => {
      await context.sendActivity('lost');
    });
    expect(errors).toHaveLength(1);
    expect((errors[0] as AppError).code).toBe('CHANNEL_NOT_REGISTERED');
  });

  test('registering two connectors for one channel is refused', () => {
    const adapter = new ChannelAdapter().registerConnector(new RecordingConnector('web'));
    expect(() => adapter.registerConnector(new RecordingConnector('web'))).toThrow(/already registered/);
  });

  test('refuses activities without a conversation', async () => {
    const adapter = new ChannelAdapter();
    await expect(adapter.processActivity({ type: 'message', channelId: 'test' }, async () => undefined)).rejects.toThrow(TypeError);
  });

  test('update and delete go to the connector, or fail clearly when the channel cannot do them', async () => {
    const updates: Array<Partial<Activity>> = [];
    const editable = Object.assign(new RecordingConnector('editable'), {
      update: async (activity: Partial<Activity>) => {
        updates.push(activity);
      },
    });
    const adapter = new ChannelAdapter().registerConnector(editable).registerConnector(new RecordingConnector('plain'));
    await adapter.processActivity(incomingMessage('x', { channelId: 'editable' }), async (context) => {
      await context.updateActivity({ id: '1', type: 'message', text: 'edited' });
    });
    expect(updates).toHaveLength(1);
    const errors: unknown[] = [];
    adapter.onTurnError = async (_context, error) => {
      errors.push(error);
    };
    await adapter.processActivity(incomingMessage('x', { channelId: 'plain' }), async (context) => {
      await context.deleteActivity('1');
    });
    expect((errors[0] as AppError).code).toBe('CHANNEL_UNSUPPORTED_OPERATION');
  });

  test('continueConversationAsync runs a proactive turn through the middleware and the connector', async () => {
    const connector = new RecordingConnector('web');
    const adapter = new ChannelAdapter().registerConnector(connector);
    const seenByMiddleware: string[] = [];
    adapter.use(async (context, next) => {
      seenByMiddleware.push(`${context.activity.type}:${context.activity.name ?? ''}`);
      await next();
    });
    let reference: ReturnType<typeof import('botbuilder').TurnContext.getConversationReference> | undefined;
    await adapter.processActivity(incomingMessage('hello', { channelId: 'web', conversationId: 'W1' }), async (context) => {
      const { TurnContext } = await import('botbuilder');
      reference = TurnContext.getConversationReference(context.activity);
    });
    await adapter.continueConversationAsync('', reference!, async (context) => {
      await context.sendActivity('an officer answered');
    });
    expect(seenByMiddleware).toEqual(['message:', 'event:ContinueConversation']);
    expect(connector.textsFor('W1')).toEqual(['an officer answered']);
    expect(connector.sent[0]).toMatchObject({ recipient: { id: 'user-1' }, conversation: { id: 'W1' } });
  });

  test('a proactive turn for a channel without a connector is refused before it runs', async () => {
    const adapter = new ChannelAdapter();
    await expect(adapter.continueConversationAsync('', { channelId: 'fax', conversation: { id: 'x' } as never }, async () => undefined))
      .rejects.toMatchObject({ code: 'CHANNEL_NOT_REGISTERED' });
  });

  test('turns of one conversation never overlap, proactive ones included; other conversations run alongside', async () => {
    const adapter = new ChannelAdapter().registerConnector(new RecordingConnector('test'));
    const running = new Map<string, number>();
    const maxRunning = new Map<string, number>();
    let maxOverall = 0;
    let overall = 0;
    const logic = async (context: TurnContext) => {
      const key = conversationKey(context.activity);
      running.set(key, (running.get(key) ?? 0) + 1);
      maxRunning.set(key, Math.max(maxRunning.get(key) ?? 0, running.get(key)!));
      overall += 1;
      maxOverall = Math.max(maxOverall, overall);
      await tick(5);
      overall -= 1;
      running.set(key, running.get(key)! - 1);
    };
    const turns: Promise<void>[] = [];
    for (let i = 0; i < 5; i += 1) {
      for (const conversationId of ['A', 'B', 'C']) {
        turns.push(adapter.processActivity(incomingMessage(`m${i}`, { conversationId }), logic));
      }
      turns.push(adapter.continueConversationAsync('', { channelId: 'test', conversation: { id: 'A' } as never, user: { id: 'user-1', name: '' }, bot: { id: 'bot', name: '' } }, logic));
    }
    await Promise.all(turns);
    expect([...maxRunning.values()]).toEqual([1, 1, 1]);
    expect(maxOverall).toBe(3);
  });

  test('refuses new activities once shutdown begins, while running turns finish', async () => {
    const adapter = new ChannelAdapter().registerConnector(new RecordingConnector('test'));
    let finished = false;
    const running = adapter.processActivity(incomingMessage('slow'), async () => {
      await tick(50);
      finished = true;
    });
    await tick(5);
    adapter.stopAcceptingTurns();
    await expect(adapter.processActivity(incomingMessage('late'), async () => undefined)).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    expect(adapter.activeTurns).toBe(1);
    await expect(adapter.drain(5000)).resolves.toBe(true);
    expect(finished).toBe(true);
    await running;
  });

  test('drain gives up after its timeout', async () => {
    const adapter = new ChannelAdapter();
    const running = adapter.processActivity(incomingMessage('slow'), async () => {
      await tick(200);
    });
    await expect(adapter.drain(20)).resolves.toBe(false);
    await running;
    await expect(adapter.drain(20)).resolves.toBe(true);
  });
});

describe('per-conversation serialisation protects state', () => {
  /** A turn that reads a counter from conversation state, waits, and writes it back: a lost update if turns race. */
  async function countConcurrently(adapter: ChannelAdapter, state: ConversationState, messages: number): Promise<number> {
    const counter = state.createProperty<number>('counter');
    const logic = async (context: TurnContext) => {
      const value = await counter.get(context, 0);
      await tick(Math.random() * 4);
      await counter.set(context, value + 1);
      await state.saveChanges(context);
    };
    await Promise.all(Array.from({ length: messages }, (_, i) => adapter.processActivity(incomingMessage(`m${i}`, { conversationId: 'same' }), logic)));
    let final = 0;
    await adapter.processActivity(incomingMessage('read', { conversationId: 'same' }), async (context) => {
      final = await counter.get(context, 0);
    });
    return final;
  }

  test('20 simultaneous messages of one citizen all count, with state on the embedded store', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    const adapter = new ChannelAdapter().registerConnector(new RecordingConnector('test'));
    expect(await countConcurrently(adapter, new ConversationState(new StoreBotStorage(store)), 20)).toBe(20);
    await store.close();
    temp.cleanup();
  });

  test('control: without the lock the same workload loses updates (so the test above can fail)', async () => {
    const noLock = { run: <T>(_key: string, task: () => Promise<T>) => task() } as unknown as KeyedLock;
    const adapter = new ChannelAdapter(noLock).registerConnector(new RecordingConnector('test'));
    expect(await countConcurrently(adapter, new ConversationState(new MemoryStorage()), 20)).toBeLessThan(20);
  });
});
