import { type Activity, ConversationState, MemoryStorage, type Storage, type StoreItems, UserState } from 'botbuilder';
import { ChannelAdapter } from '../../bot/adapter';
import { DamrongdhamBot } from '../../bot/bot';
import { LanguageMiddleware, LanguagePreferences } from '../../bot/language';
import { SEED_MESSAGES, StaticTexts } from '../../lib/content/texts';
import { MainDialog } from '../../dialogs/mainDialog';
import { incomingJoin, incomingMessage } from '../helpers/activities';
import { RecordingConnector } from '../helpers/recordingConnector';
import { buildTestApp, type TestApp } from '../helpers/testApp';

const say = (key: string, lang: 'th' | 'en') => SEED_MESSAGES[key][lang];

describe('the bot, built as the service builds it', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  const send = (text: string, options: { conversationId?: string; userId?: string } = {}) =>
    t.app.adapter.processActivity(incomingMessage(text, options), (context) => t.app.bot.run(context));

  test('welcomes a newcomer in Thai and English, and offers the language choice', async () => {
    await t.app.adapter.processActivity(incomingJoin({ conversationId: 'c1' }), (context) => t.app.bot.run(context));
    const [welcome, choice] = t.connector.sent;
    expect(welcome.text).toBe(`${say('welcome', 'th')}\n\n${say('welcome', 'en')}`);
    expect(choice.text).toBe(say('language.choose', 'th'));
    expect(choice.suggestedActions?.actions.map((action) => action.value)).toEqual(['ภาษาไทย', 'English']);
  });

  test.each([
    ['อยากร้องเรียนเรื่องถนนพัง', 'th'],
    ['I want to report a corrupt official', 'en'],
    ['👍', 'th'],
  ] as const)('answers %j in %s', async (text, lang) => {
    await send(text, { conversationId: `c-${lang}-${text.length}` });
    expect(t.connector.textsFor(`c-${lang}-${text.length}`)).toEqual([say('help.services', lang)]);
  });

  test('a chosen language is kept, even when the citizen then writes in the other', async () => {
    await send('English', { conversationId: 'c1' });
    await send('สวัสดีค่ะ', { conversationId: 'c1' });
    expect(t.connector.textsFor('c1')).toEqual([say('language.set', 'en'), say('help.services', 'en')]);
  });

  test('the language is remembered per user, across conversations and restarts of the conversation', async () => {
    await send('ภาษาอังกฤษ', { conversationId: 'first', userId: 'u9' });
    await send('😀', { conversationId: 'second', userId: 'u9' });
    await send('😀', { conversationId: 'other-user', userId: 'u10' });
    expect(t.connector.textsFor('second')).toEqual([say('help.services', 'en')]);
    expect(t.connector.textsFor('other-user')).toEqual([say('help.services', 'th')]);
  });

  test('a detected language follows the citizen\'s writing until they choose one', async () => {
    await send('hello there', { conversationId: 'c1' });
    await send('สวัสดี', { conversationId: 'c1' });
    expect(t.connector.textsFor('c1')).toEqual([say('help.services', 'en'), say('help.services', 'th')]);
  });
});

/** Counts storage writes, to check that state is written once per turn and only at its end. */
class CountingStorage implements Storage {
  writes: string[][] = [];
  constructor(private readonly inner: Storage) {}
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems) {
    this.writes.push(Object.keys(changes));
    await this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

describe('state is saved once per turn', () => {
  test('each changed state object is written once, after the turn\'s replies', async () => {
    const storage = new CountingStorage(new MemoryStorage());
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const texts = new StaticTexts();
    const language = new LanguagePreferences(userState);
    const bot = new DamrongdhamBot({ conversationState, userState, dialog: new MainDialog({ texts, language }), texts });
    const events: string[] = [];
    const connector = new RecordingConnector('test');
    const recording = {
      channelId: 'test',
      send: async (activity: Partial<Activity>) => {
        events.push('send');
        return connector.send(activity);
      },
    };
    const adapter = new ChannelAdapter().registerConnector(recording).use(new LanguageMiddleware(language));
    const originalWrite = storage.write.bind(storage);
    storage.write = async (changes) => {
      events.push('write');
      await originalWrite(changes);
    };

    await adapter.processActivity(incomingMessage('English'), (context) => bot.run(context));
    expect(events).toEqual(['send', 'write', 'write']);
    expect(storage.writes.map((keys) => keys[0])).toEqual(['test/conversations/conv-1/', 'test/users/user-1/']);

    events.length = 0;
    storage.writes = [];
    await adapter.processActivity(incomingMessage('hello'), (context) => bot.run(context));
    // Nothing changed in user state this turn, so only conversation state (the dialog stack's turn count) may be written.
    expect(events.filter((event) => event === 'write').length).toBeLessThanOrEqual(1);
    expect(events[0]).toBe('send');
  });

  test('the bot refuses to be built without its collaborators', () => {
    expect(() => new DamrongdhamBot({} as never)).toThrow(/needs/);
  });
});
