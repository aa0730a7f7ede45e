import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { faqAnswerCard } from '../cards/faq';
import { menuLabel } from '../cards/menu';
import type { FaqEntry } from '../lib/faq/types';
import type { Lang } from '../lib/i18n/language';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type ChoiceDef } from './prompts/cardChoicePrompt';
import { FieldPrompt } from './prompts/fieldPrompt';
import { bilingual, type DialogServices, translator } from './services';

export const FAQ_DIALOG = 'faq';
const CHOICE = 'faq.choice';
const QUESTION = 'faq.question';
const MAX_QUESTION_LENGTH = 500;

export interface FaqOptions {
  /** The citizen's question, when it came with the message that started the flow. */
  question?: string;
}

interface FaqState {
  mode: 'ask' | 'match' | 'pick' | 'helpful';
  question?: string;
  candidates?: string[];
  entryId?: string;
}

/**
 * Questions: a confident match is answered with a card; a weak one offers the three best; no match offers an
 * officer. After an answer the citizen is asked whether it helped, and the answer is counted per entry.
 */
export class FaqDialog extends LoopDialog<FaqState> {
  constructor(services: DialogServices) {
    super(FAQ_DIALOG, services);
    this.addDialog(new CardChoicePrompt(CHOICE, services));
    this.addDialog(new FieldPrompt(QUESTION, services, (text) => ({ ok: true, value: text.slice(0, MAX_QUESTION_LENGTH) })));
  }

  protected initialState(options: unknown): FaqState {
    const { question } = (options ?? {}) as FaqOptions;
    return question ? { mode: 'match', question } : { mode: 'ask' };
  }

  protected async ask(step: WaterfallStepContext, state: FaqState): Promise<DialogTurnResult> {
    switch (state.mode) {
      case 'ask':
        return this.promptFor(step, QUESTION, { textKey: 'faq.prompt' });
      case 'match':
        return step.next(state.question);
      case 'pick':
        return this.promptFor(step, CHOICE, {
          textKey: 'faq.weak',
          items: [
            ...(state.candidates ?? []).flatMap((id): ChoiceDef[] => {
              const entry = this.services.faq.entry(id);
              return entry ? [{ value: id, label: { th: entry.questions.th[0], en: entry.questions.en[0] } }] : [];
            }),
            { value: 'none', label: bilingual(this.services, 'faq.noneOfThese') },
          ],
        });
      case 'helpful':
        return this.promptFor(step, CHOICE, {
          textKey: 'faq.helpful.prompt',
          items: [
            { value: 'yes', label: bilingual(this.services, 'faq.helpful.yes') },
            { value: 'no', label: bilingual(this.services, 'faq.helpful.no') },
          ],
        });
    }
  }

  protected async handle(step: WaterfallStepContext, state: FaqState, answer: unknown): Promise<Next<FaqState>> {
    const lang = this.services.language.current(step.context);
    const t = translator(this.services, step.context);
    switch (state.mode) {
      case 'ask':
      case 'match': {
        const match = this.services.faq.match(String(answer), lang);
        if (match.kind === 'confident') {
          await this.answer(step, match.entry, lang);
          return { state: { mode: 'helpful', entryId: match.entry.id } };
        }
        if (match.kind === 'weak') return { state: { mode: 'pick', candidates: match.candidates.map((candidate) => candidate.entry.id) } };
        await step.context.sendActivity(textMessage(t('faq.none'), this.nextSteps(step)));
        return { end: undefined };
      }
      case 'pick': {
        const entry = answer === 'none' ? undefined : this.services.faq.entry(String(answer));
        if (!entry) {
          await step.context.sendActivity(textMessage(t('faq.sorry'), this.nextSteps(step)));
          return { end: undefined };
        }
        await this.answer(step, entry, lang);
        return { state: { mode: 'helpful', entryId: entry.id } };
      }
      case 'helpful': {
        const helpful = answer === 'yes';
        await this.services.faq.recordFeedback(state.entryId as string, helpful, lang);
        await step.context.sendActivity(helpful ? textMessage(t('faq.thanks')) : textMessage(t('faq.sorry'), this.nextSteps(step)));
        return { end: state.entryId };
      }
    }
  }

  private async answer(step: WaterfallStepContext, entry: FaqEntry, lang: Lang): Promise<void> {
    const t = translator(this.services, step.context);
    const card = faqAnswerCard(lang, t, {
      question: entry.questions[lang][0],
      answer: entry.answer[lang],
      links: (entry.links ?? []).map((link) => ({ title: link.title[lang], url: link.url })),
    });
    await step.context.sendActivity(cardMessage(card));
  }

  /** When the bank has no answer: an officer, or the menu. */
  private nextSteps(step: WaterfallStepContext): string[] {
    const t = translator(this.services, step.context);
    return [menuLabel('officer', t), menuLabel('file', t), menuLabel('faq', t)];
  }
}
