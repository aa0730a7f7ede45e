import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { statusCard } from '../cards/status';
import { describeDestination } from '../lib/centres';
import type { ComplaintDocument } from '../lib/complaints/types';
import { parseTrackingNumber } from '../lib/complaints/trackingNumber';
import type { Lang } from '../lib/i18n/language';
import { formatDateTime } from '../lib/thai/dates';
import { toAsciiDigits } from '../lib/thai/text';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type ChoiceDef } from './prompts/cardChoicePrompt';
import { FieldPrompt } from './prompts/fieldPrompt';
import { bilingual, type DialogServices, translator } from './services';

export const TRACK_DIALOG = 'track';
const CHOICE = 'track.choice';
const NUMBER = 'track.number';
const CHECK = 'track.check';
const MAX_OWN = 8;
const SUBJECT_IN_LIST = 40;

export interface TrackOptions {
  /** A number found in the citizen's message ("ติดตามเรื่อง DD-2569-…"). */
  number?: string;
}

interface TrackState {
  mode: 'own' | 'number' | 'check';
  number?: string;
}

/** A typed check: the phone's last four digits or a six-digit PIN; or, on second thoughts, another number. */
type CheckAnswer = { check: string } | { number: string };

/**
 * Tracking a complaint: the citizen's own complaints on this channel are listed without re-typing; any other
 * is found by its tracking number (typed loosely) and a check that it is theirs. Answers never reveal whether
 * a number exists, and wrong checks are limited.
 */
export class TrackDialog extends LoopDialog<TrackState> {
  constructor(services: DialogServices) {
    super(TRACK_DIALOG, services);
    this.addDialog(new CardChoicePrompt(CHOICE, services));
    this.addDialog(new FieldPrompt(NUMBER, services, (text) => {
      const parsed = parseTrackingNumber(text);
      return parsed.ok ? { ok: true, value: parsed.number } : { ok: false, retryKey: `track.number.retry.${parsed.reason}` };
    }));
    this.addDialog(new FieldPrompt(CHECK, services, (text) => {
      const digits = toAsciiDigits(text).replace(/[\s-]/g, '');
      if (/^(\d{4}|\d{6})$/.test(digits)) return { ok: true, value: { check: digits } satisfies CheckAnswer };
      const number = parseTrackingNumber(text);
      if (number.ok) return { ok: true, value: { number: number.number } satisfies CheckAnswer };
      return { ok: false, retryKey: 'track.check.retry' };
    }));
  }

  protected initialState(options: unknown): TrackState {
    const { number } = (options ?? {}) as TrackOptions;
    return number ? { mode: 'check', number } : { mode: 'own' };
  }

  protected async ask(step: WaterfallStepContext, state: TrackState): Promise<DialogTurnResult> {
    if (state.mode === 'own') {
      const { channelId, from } = step.context.activity;
      const own = await this.services.complaints.listOwn(channelId, from.id, MAX_OWN);
      if (own.length > 0) {
        return this.promptFor(step, CHOICE, {
          textKey: 'track.own.prompt',
          items: [
            ...own.map((complaint): ChoiceDef => {
              const label = `${complaint._id} ${truncate(complaint.subject, SUBJECT_IN_LIST)}`;
              const status = (l: Lang) => this.services.texts.get(l, `status.${complaint.status}`);
              return { value: complaint._id, label: { th: label, en: label }, detail: { th: status('th'), en: status('en') }, synonyms: [complaint._id] };
            }),
            { value: 'other', label: bilingual(this.services, 'track.own.other') },
          ],
        });
      }
      state.mode = 'number';
    }
    if (state.mode === 'number') return this.promptFor(step, NUMBER, { textKey: 'track.number.prompt', emptyRetryKey: 'track.number.retry.format' });
    return this.promptFor(step, CHECK, { textKey: 'track.check.prompt', emptyRetryKey: 'track.check.retry', sensitive: 'trackingCheck' });
  }

  protected async handle(step: WaterfallStepContext, state: TrackState, answer: unknown): Promise<Next<TrackState>> {
    const { channelId, from } = step.context.activity;
    if (state.mode === 'own') {
      if (answer === 'other') return { state: { mode: 'number' } };
      const complaint = await this.services.complaints.getOwn(String(answer), channelId, from.id);
      if (complaint) await this.showStatus(step, complaint);
      return { end: complaint?._id };
    }
    if (state.mode === 'number') return { state: { mode: 'check', number: String(answer) } };

    const given = answer as CheckAnswer;
    if ('number' in given) return { state: { mode: 'check', number: given.number } };
    const t = translator(this.services, step.context);
    const result = await this.services.complaints.verify(state.number as string, given.check, `${channelId}\u0000${from.id}`);
    switch (result.kind) {
      case 'ok':
        await this.showStatus(step, result.complaint);
        return { end: result.complaint._id };
      case 'mismatch':
        await step.context.sendActivity(textMessage(t('track.check.mismatch', { left: result.left })));
        return { state };
      case 'locked':
        await step.context.sendActivity(textMessage(t('track.check.locked', { until: formatDateTime(result.until, this.services.language.current(step.context)) })));
        return { end: undefined };
    }
  }

  private async showStatus(step: WaterfallStepContext, complaint: ComplaintDocument): Promise<void> {
    const lang = this.services.language.current(step.context);
    const t = translator(this.services, step.context);
    const card = statusCard(lang, t, {
      number: complaint._id,
      subject: complaint.subject,
      status: t(`status.${complaint.status}`),
      responsible: describeDestination(complaint.destination, lang),
      lastUpdate: formatDateTime(complaint.updatedAt, lang),
      timeline: complaint.timeline.map((entry) => ({
        when: formatDateTime(entry.at, lang),
        status: t(`status.${entry.status}`),
        ...(entry.note ? { note: entry.note[lang] } : {}),
      })),
    });
    await step.context.sendActivity(cardMessage(card));
  }
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
