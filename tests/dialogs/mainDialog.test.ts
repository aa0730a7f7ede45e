import { MemoryStorage, UserState } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { LanguageMiddleware, LanguagePreferences } from '../../bot/language';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog';
import { LocalizedTextPrompt, type LocalizedPromptOptions } from '../../dialogs/localizedTextPrompt';
import { MainDialog } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { SEED_MESSAGES, StaticTexts } from '../../lib/content/texts';

const say = (key: string, lang: 'th' | 'en') => SEED_MESSAGES[key][lang];

const TEST_TEXTS = { ...SEED_MESSAGES, 'ask.name': { th: 'ชื่ออะไรคะ', en: 'What is your name?' } };

function services(): { services: DialogServices; middleware: LanguageMiddleware } {
  const language = new LanguagePreferences(new UserState(new MemoryStorage()));
  return { services: { texts: new StaticTexts(TEST_TEXTS), language }, middleware: new LanguageMiddleware(language) };
}

describe('MainDialog', () => {
  test.each([
    ['English', [say('language.set', 'en')]],
    ['ภาษาไทย', [say('language.set', 'th')]],
    ['อยากร้องเรียนเรื่องถนนพัง', [say('help.services', 'th')]],
    ['I want to report a corrupt official', [say('help.services', 'en')]],
    ['<script>alert(1)</script>', [say('help.services', 'en')]],
  ])('%j → %j', async (text, replies) => {
    const { services: s, middleware } = services();
    const client = new DialogTestClient('test', new MainDialog(s), undefined, [middleware]);
    const reply = await client.sendActivity(text);
    expect(reply.text).toBe(replies[0]);
    expect(client.getNextReply()).toBeUndefined();
  });
});

/** A flow with a pending question, to check what the base dialog does for every flow. */
class AskNameDialog extends InterruptibleDialog {
  constructor(s: DialogServices) {
    super('askName', s);
    this.addDialog(new LocalizedTextPrompt('name', s));
    this.addDialog(new WaterfallDialog('steps', [
      async (step) => step.prompt('name', { textKey: 'ask.name' } as LocalizedPromptOptions),
      async (step) => {
        await step.context.sendActivity(`ok ${String(step.result)}`);
        return step.endDialog();
      },
    ]));
    this.initialDialogId = 'steps';
  }
}

describe('InterruptibleDialog', () => {
  test('switching language mid-flow is remembered and the pending question is asked again', async () => {
    const { services: s, middleware } = services();
    const client = new DialogTestClient('test', new AskNameDialog(s), undefined, [middleware]);
    expect((await client.sendActivity('สวัสดี')).text).toBe('ชื่ออะไรคะ');
    expect((await client.sendActivity('English')).text).toBe(say('language.set', 'en'));
    expect(client.getNextReply()?.text).toBe('What is your name?');
    expect((await client.sendActivity('Somchai')).text).toBe('ok Somchai');
    expect(client.dialogTurnResult.status).toBe('complete');
  });

  test('refuses to be built without services', () => {
    expect(() => new MainDialog(undefined as unknown as DialogServices)).toThrow(/needs texts and language/);
  });
});
