import {
  ActivityHandler,
  type BotState,
  type ChannelAccount,
  type ConversationState,
  MessageFactory,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { type Dialog, DialogSet, type DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Texts } from '../lib/content/texts';
import { isQuotaRefusal, type QuotaRefusal } from '../lib/files/fileStore';
import { isLang } from '../lib/i18n/language';
import { cardMessage } from '../cards/activity';
import type { Translate } from '../cards/card';
import { menuCard } from '../cards/menu';
import { type LanguagePreferences, startedInLanguage, turnLanguage } from './language';

/** The chat page's language switch: an event, so that changing language puts no words in the citizen's mouth. */
export const SET_LANGUAGE_EVENT = 'webchat/setLanguage';
/** From the channel: photos the citizen sent were not kept, a quota being reached (its value: a QuotaRefusal). */
export const UPLOAD_REFUSED_EVENT = 'upload/refused';

export interface BotDependencies {
  conversationState: ConversationState;
  userState: UserState;
  dialog: Dialog;
  texts: Texts;
  language: LanguagePreferences;
  /** Called after a turn succeeded: the error handler's loop guard forgets the conversation. */
  onTurnSucceeded?: (context: TurnContext) => void;
}

/**
 * The citizen-facing bot: greets newcomers in both languages, and hands every message to the root dialog.
 * State is loaded on demand during the turn and saved once, at its end; a failed turn saves nothing, so the
 * citizen's conversation stays as it was before the message that failed.
 */
export class DamrongdhamBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** The root dialog and every dialog under it, gathered once rather than in every turn. */
  private readonly dialogs: DialogSet;
  private readonly states: BotState[];

  constructor(private readonly deps: BotDependencies) {
    super();
    if (!deps.conversationState || !deps.userState || !deps.dialog || !deps.texts || !deps.language) {
      throw new Error('DamrongdhamBot needs conversationState, userState, dialog, texts and language');
    }
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(deps.dialog);
    this.states = [deps.conversationState, deps.userState];

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter(
        (member: ChannelAccount) => member.id !== context.activity.recipient?.id,
      );
      if (newcomers.length > 0) await this.welcome(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      const { name, value } = context.activity;
      if (name === SET_LANGUAGE_EVENT && isLang(value)) {
        await this.deps.language.choose(context, value);
        await context.sendActivity(this.deps.texts.get(value, 'language.set'));
      }
      if (name === UPLOAD_REFUSED_EVENT && isQuotaRefusal(value)) await this.tellUploadRefused(context, value);
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.runRootDialog(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    for (const state of this.states) await state.saveChanges(context, false);
    this.deps.onTurnSucceeded?.(context);
  }

  /**
   * The message goes to the dialog waiting for it, or begins the root dialog. botbuilder-dialogs' runDialog does
   * this too, and in every turn also gathers the whole dialog tree into a new set, builds a state manager over
   * every memory scope (loaded and saved though no dialog here uses them), and sends a trace activity with a
   * snapshot of that memory, which these channels drop: a tenth of a turn, for nothing this bot uses. (It also
   * answers a parent bot's cancellation when running as a skill, which this bot never is.)
   */
  private async runRootDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.dialog.id);
  }

  /** Web Chat only marks the photo as not sent: the citizen is told why, and what to do instead. */
  private async tellUploadRefused(context: TurnContext, refusal: QuotaRefusal): Promise<void> {
    const lang = turnLanguage(context);
    const text = refusal.quota === 'conversation'
      ? this.deps.texts.get(lang, 'upload.refused.conversation', { files: refusal.maxFiles, mb: Math.floor(refusal.maxBytes / (1024 * 1024)) })
      : this.deps.texts.get(lang, 'upload.refused.total');
    await context.sendActivity(text);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const { texts } = this.deps;
    const started = startedInLanguage(context);
    if (started) {
      // The chat page started the conversation in the language its switch shows: no need to ask for it.
      const t: Translate = (key, vars) => texts.get(started, key, vars);
      await context.sendActivity(t('welcome'));
      await context.sendActivity(cardMessage(menuCard(started, t)));
      return;
    }
    const lang = turnLanguage(context);
    const other = lang === 'th' ? 'en' : 'th';
    await context.sendActivity(`${texts.get(lang, 'welcome')}\n\n${texts.get(other, 'welcome')}`);
    await context.sendActivity(
      MessageFactory.suggestedActions(
        [texts.get(lang, 'language.option.th'), texts.get(lang, 'language.option.en')],
        texts.get(lang, 'language.choose'),
      ),
    );
  }
}
