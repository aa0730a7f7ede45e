import { type Activity, ConversationState, MemoryStorage, type Storage, type StoreItems, UserState } from 'botbuilder';
import { ChannelAdapter } from '../../bot/adapter';
import { DamrongdhamBot } from '../../bot/bot';
import { LanguageMiddleware } from '../../bot/language';
import { MainDialog } from '../../dialogs/mainDialog';
import { incomingJoin, incomingMessage } from '../helpers/activities';
import { dialogHarness } from '../helpers/dialogHarness';
import { RecordingConnector } from '../helpers/recordingConnector';
import { buildTestApp, type TestApp } from '../helpers/testApp';

describe('the bot, built as the service builds it', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  const say = (key: string, lang: 'th' | 'en', vars?: Record<string, string>) => t.app.content.get(lang, key, vars);
  const send = (text: string, options: { conversationId?: string; userId?: string } = {}) =>
    t.app.adapter.processActivity(incomingMessage(text, options), (context) => t.app.bot.run(context));
  const repliesTo = (conversationId: string) =>
    t.connector.sent
      .filter((activity) => activity.conversation?.id === conversationId)
      .map((activity) => [activity.text, (activity.attachments?.[0]?.content as { fallbackText?: string } | undefined)?.fallbackText].filter(Boolean).join('\n'))
      .join('\n');

  test('welcomes a newcomer in Thai and English, and offers the language choice', async () => {
    await t.app.adapter.processActivity(incomingJoin({ conversationId: 'c1' }), (context) => t.app.bot.run(context));
    const [welcome, choice] = t.connector.sent;
    expect(welcome.text).toBe(`${say('welcome', 'th')}\n\n${say('welcome', 'en')}`);
    expect(choice.text).toBe(say('language.choose', 'th'));
    expect(choice.suggestedActions?.actions.map((action) => action.value)).toEqual(['ภาษาไทย', 'English']);
  });

  test.each([
    ['สวัสดีค่ะ', 'th'],
    ['hello', 'en'],
  ] as const)('answers %j with the menu in %s', async (text, lang) => {
    await send(text, { conversationId: `c-${lang}` });
    expect(repliesTo(`c-${lang}`)).toContain(say('menu.prompt', lang));
  });

  test('a chosen language is kept, even when the citizen then writes in the other', async () => {
    await send('English', { conversationId: 'c1' });
    await send('สวัสดีค่ะ', { conversationId: 'c1' });
    const replies = repliesTo('c1');
    expect(replies).toContain(say('language.set', 'en'));
    expect(replies.split(say('language.set', 'en'))[1]).toContain(say('menu.prompt', 'en'));
    expect(replies).not.toContain(say('menu.prompt', 'th'));
  });

  test('the language is remembered per user, across conversations', async () => {
    await send('ภาษาอังกฤษ', { conversationId: 'first', userId: 'u9' });
    await send('😀', { conversationId: 'second', userId: 'u9' });
    await send('😀', { conversationId: 'other-user', userId: 'u10' });
    expect(repliesTo('second')).toContain(say('menu.notUnderstood', 'en'));
    expect(repliesTo('other-user')).toContain(say('menu.notUnderstood', 'th'));
  });

  test('the chat page\'s language event switches language without a visible message from the citizen', async () => {
    const event = { ...incomingMessage('', { conversationId: 'ev' }), type: 'event', name: 'webchat/setLanguage', value: 'en', text: undefined };
    await t.app.adapter.processActivity(event, (context) => t.app.bot.run(context));
    await send('😀', { conversationId: 'ev' });
    const replies = repliesTo('ev');
    expect(replies).toContain(say('language.set', 'en'));
    expect(replies).toContain(say('menu.notUnderstood', 'en'));
    const bogus = { ...event, value: 'fr' };
    await t.app.adapter.processActivity(bogus, (context) => t.app.bot.run(context));
    expect(repliesTo('ev').split(say('language.set', 'en')).length).toBe(2);
  });

  test('a detected language follows the citizen\'s writing until they choose one', async () => {
    await send('hello there', { conversationId: 'c1' });
    await send('สวัสดี', { conversationId: 'c1' });
    const replies = repliesTo('c1');
    expect(replies).toContain(say('menu.notUnderstood', 'en'));
    expect(replies).toContain(say('menu.prompt', 'th'));
  });

  test('the privacy notice is served in both languages, with the text escaped', async () => {
    const url = await t.listen();
    const thai = await fetch(`${url}/privacy`);
    expect(thai.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await thai.text()).toContain(say('privacy.title', 'th'));
    await t.app.content.setMessage('privacy.title', { th: 'ประกาศ <script>alert(1)</script>', en: 'Notice <b>x</b>' }, 'admin');
    const english = await (await fetch(`${url}/privacy?lang=en`)).text();
    expect(english).toContain('Notice &lt;b&gt;x&lt;/b&gt;');
    expect(english).not.toContain('<b>x</b>');
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
    const harness = await dialogHarness();
    const storage = new CountingStorage(new MemoryStorage());
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const { LanguagePreferences } = await import('../../bot/language');
    const language = new LanguagePreferences(userState);
    const services = { ...harness.services, language };
    const bot = new DamrongdhamBot({ conversationState, userState, dialog: new MainDialog(services), texts: harness.content, language });
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

    await adapter.processActivity(incomingMessage('ร้องเรียน / แจ้งเรื่อง'), (context) => bot.run(context));
    expect(events.filter((event) => event === 'write')).toHaveLength(2);
    expect(events.slice(-2)).toEqual(['write', 'write']);
    expect(storage.writes.map((keys) => keys[0])).toEqual(['test/conversations/conv-1/', 'test/users/user-1/']);

    events.length = 0;
    await adapter.processActivity(incomingMessage('1'), (context) => bot.run(context));
    expect(events.filter((event) => event === 'write')).toHaveLength(1);
    expect(events[events.length - 1]).toBe('write');
    await harness.close();
  });

  test('the bot and the root dialog refuse to be built without their collaborators', () => {
    expect(() => new DamrongdhamBot({} as never)).toThrow(/needs/);
    expect(() => new MainDialog({} as never)).toThrow(/needs the services: texts, language, content/);
  });
});
