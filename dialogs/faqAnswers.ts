import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { cardMessage, textMessage } from '../cards/activity';
import type { Translate } from '../cards/card';
import { centreAnswerCard, faqAnswerCard, faqCandidatesCard } from '../cards/faq';
import { menuLabel } from '../cards/menu';
import type { SubmitAction } from '../cards/types';
import { valueAction } from '../cards/valueActions';
import { type Centre, centreContact } from '../lib/centres';
import { assessQuestion, type FaqAssessment } from '../lib/faq/perCentre';
import type { FaqEntry } from '../lib/faq/types';
import type { Lang } from '../lib/i18n/language';
import type { Answerability } from '../lib/intents/requests';
import { type DialogServices, translator } from './services';

/** A button pressed on an answer, read back from its value. */
export type AnswerPress =
  | { kind: 'feedback'; helpful: boolean; entryId: string; answerId: string }
  | { kind: 'entry'; entryId: string }
  | { kind: 'next'; flow: 'file'; categoryId?: string }
  | { kind: 'next'; flow: 'officer'; entryId?: string }
  | { kind: 'next'; flow: 'faq' };

/** The keys of the values answer buttons carry. */
const KEY = { feedback: 'faqFeedback', entry: 'faqEntry', answer: 'faqAnswer', next: 'next', category: 'category' } as const;

/**
 * Answers from the question bank, wherever a question is asked: from the menu, as a first message, or in the
 * middle of filing a complaint. An answer is a card that leads somewhere (file a complaint on the topic, talk
 * to an officer, ask something else) and asks, without waiting for it, whether it helped. A question about one
 * centre ("where is the Chiang Mai centre?") is answered with that centre's address, phone and map.
 */
export class FaqAnswers {
  constructor(private readonly services: DialogServices) {}

  assess(text: string, lang: Lang): FaqAssessment<Centre> {
    return assessQuestion(this.services.faq.match(text, lang), text, (place) => this.services.centres.search.chooseForLocation(place));
  }

  answerability(text: string, lang: Lang): Answerability {
    const assessment = this.assess(text, lang);
    return assessment.kind === 'centre' ? 'place' : assessment.kind;
  }

  /** Answers a question: a card, a few questions to choose from, or an honest "no answer" with the ways on. */
  async respond(context: TurnContext, question: string): Promise<void> {
    const lang = this.services.language.current(context);
    const t = translator(this.services, context);
    const assessment = this.assess(question, lang);
    switch (assessment.kind) {
      case 'centre':
        return this.answerForCentre(context, assessment.entry, assessment.centre.code);
      case 'confident':
        return this.answerEntry(context, assessment.entry);
      case 'weak': {
        const candidates = assessment.entries.map((entry) => valueAction(entry.questions[lang][0], { [KEY.entry]: entry.id }));
        await context.sendActivity(cardMessage(faqCandidatesCard(lang, t, candidates, this.nextSteps(t, lang).slice(1))));
        return;
      }
      case 'none':
        await context.sendActivity(textMessage(t('faq.none'), [menuLabel('officer', t), menuLabel('file', t), t('faq.next.ask')]));
    }
  }

  async answerEntry(context: TurnContext, entry: FaqEntry): Promise<void> {
    const lang = this.services.language.current(context);
    const t = translator(this.services, context);
    const card = faqAnswerCard(
      lang,
      t,
      {
        question: entry.questions[lang][0],
        answer: entry.answer[lang],
        links: (entry.links ?? []).map((link) => ({ title: link.title[lang], url: link.url })),
      },
      { feedback: this.feedback(t, entry), next: this.nextSteps(t, lang, entry) },
    );
    await context.sendActivity(cardMessage(card));
  }

  private async answerForCentre(context: TurnContext, entry: FaqEntry, code: string): Promise<void> {
    const contact = centreContact(this.services.centres.directory, code, this.services.texts);
    if (!contact) return this.answerEntry(context, entry);
    const lang = this.services.language.current(context);
    const t = translator(this.services, context);
    const card = centreAnswerCard(
      lang,
      t,
      { name: contact.name[lang], address: contact.address[lang], phone: contact.phone[lang], mapUrl: contact.mapUrl },
      { feedback: this.feedback(t, entry), next: this.nextSteps(t, lang, entry) },
    );
    await context.sendActivity(cardMessage(card));
  }

  /** Reads a pressed answer button from a message's value; anything malformed or unknown is not one. */
  readPress(value: Record<string, unknown> | undefined): AnswerPress | undefined {
    if (!value) return undefined;
    const text = (key: string): string | undefined => {
      const found = value[key];
      return typeof found === 'string' && found.length <= 64 ? found : undefined;
    };
    const entryId = text(KEY.entry);
    const known = entryId !== undefined && this.services.faq.entry(entryId) !== undefined;
    const feedback = text(KEY.feedback);
    const answerId = text(KEY.answer);
    if ((feedback === 'yes' || feedback === 'no') && known && answerId) return { kind: 'feedback', helpful: feedback === 'yes', entryId, answerId };
    switch (text(KEY.next)) {
      case 'file': {
        const category = text(KEY.category);
        return { kind: 'next', flow: 'file', ...(category && this.services.content.category(category) ? { categoryId: category } : {}) };
      }
      case 'officer':
        return { kind: 'next', flow: 'officer', ...(known ? { entryId } : {}) };
      case 'faq':
        return { kind: 'next', flow: 'faq' };
      default:
        break;
    }
    return known && feedback === undefined ? { kind: 'entry', entryId } : undefined;
  }

  /** "Did this help?", counted once per answer; a "no" is met with the ways on. */
  async recordFeedback(context: TurnContext, press: Extract<AnswerPress, { kind: 'feedback' }>): Promise<void> {
    const lang = this.services.language.current(context);
    const t = translator(this.services, context);
    const counted = await this.services.faq.recordFeedback(press.entryId, press.helpful, lang, press.answerId);
    if (!counted) {
      await context.sendActivity(textMessage(t('faq.alreadyRated')));
      return;
    }
    if (press.helpful) {
      await context.sendActivity(textMessage(t('faq.thanks')));
      return;
    }
    await context.sendActivity(textMessage(t('faq.sorry'), [menuLabel('officer', t), menuLabel('file', t), t('faq.next.ask')]));
  }

  entry(id: string): FaqEntry | undefined {
    return this.services.faq.entry(id);
  }

  private feedback(t: Translate, entry: FaqEntry): SubmitAction[] {
    // One id per answer given, so that its buttons are counted once however often they are pressed.
    const answerId = randomBytes(6).toString('base64url');
    return [
      valueAction(t('faq.helpful.yes'), { [KEY.feedback]: 'yes', [KEY.entry]: entry.id, [KEY.answer]: answerId }),
      valueAction(t('faq.helpful.no'), { [KEY.feedback]: 'no', [KEY.entry]: entry.id, [KEY.answer]: answerId }),
    ];
  }

  /** File a complaint (on the topic's category, when it has one), talk to an officer, ask something else. */
  private nextSteps(t: Translate, lang: Lang, entry?: FaqEntry): SubmitAction[] {
    const category = entry?.categoryId ? this.services.content.category(entry.categoryId) : undefined;
    return [
      category
        ? valueAction(t('faq.next.fileCategory', { category: category.label[lang] }), { [KEY.next]: 'file', [KEY.category]: category.id })
        : valueAction(menuLabel('file', t), { [KEY.next]: 'file' }),
      valueAction(menuLabel('officer', t), { [KEY.next]: 'officer', ...(entry ? { [KEY.entry]: entry.id } : {}) }),
      valueAction(t('faq.next.ask'), { [KEY.next]: 'faq' }),
    ];
  }
}
