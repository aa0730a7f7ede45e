import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { cardMessage, textMessage } from '../cards/activity';
import { statusCard } from '../cards/status';
import { describeDestination } from '../lib/centres';
import type { ComplaintDocument } from '../lib/complaints/types';
import { findTrackingNumber, parseTrackingNumber, type TrackingNumberParse } from '../lib/complaints/trackingNumber';
import type { Lang } from '../lib/i18n/language';
import { formatDateTime } from '../lib/thai/dates';
import { normalizeText, toAsciiDigits } from '../lib/thai/text';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type ChoiceDef, FREE_TEXT } from './prompts/cardChoicePrompt';
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
  /** Why the question is asked again (a mistyped number, an answer that was no choice): said with the question. */
  retryKey?: string;
  /** The check did not match: the question then says that the number itself may be what is wrong. */
  afterMismatch?: boolean;
}

/**
 * A typed check: the phone's last four digits or a six-digit PIN; or, on second thoughts, another number, or the
 * wish to type the number again.
 */
type CheckAnswer = { check: string } | { number: string } | { changeNumber: true };

/** A tracking number typed on its own ("dd 2569 7k3q9xr") or inside a sentence ("ติดตามเรื่อง DD-2569-… ค่ะ"). */
function readNumber(text: string): TrackingNumberParse {
  const whole = parseTrackingNumber(text.trim());
  if (whole.ok || whole.reason === 'checksum') return whole;
  return findTrackingNumber(text) ?? whole;
}

/**
 * Tracking a complaint: the citizen's own complaints on this channel are shown without a check — listed, or
 * found by their number however it was typed; any other is found by its tracking number (typed loosely, or with
 * the request) and a check that it is theirs. After a wrong check the citizen may correct the number as well as
 * the digits. Answers never reveal whether a number exists, and wrong checks are limited per number.
 */
export class TrackDialog extends LoopDialog<TrackState> {
  constructor(services: DialogServices) {
    super(TRACK_DIALOG, services);
    this.addDialog(new CardChoicePrompt(CHOICE, services));
    this.addDialog(new FieldPrompt(NUMBER, services, (text) => {
      const parsed = readNumber(text);
      return parsed.ok ? { ok: true, value: parsed.number } : { ok: false, retryKey: `track.number.retry.${parsed.reason}` };
    }));
    this.addDialog(new FieldPrompt(CHECK, services, (text) => {
      const digits = toAsciiDigits(text).replace(/[\s-]/g, '');
      if (/^(\d{4}|\d{6})$/.test(digits)) return { ok: true, value: { check: digits } satisfies CheckAnswer };
      const said = normalizeText(text);
      const change = bilingual(this.services, 'track.check.changeNumber');
      if (said === normalizeText(change.th) || said === normalizeText(change.en)) return { ok: true, value: { changeNumber: true } satisfies CheckAnswer };
      const number = readNumber(text);
      if (number.ok) return { ok: true, value: { number: number.number } satisfies CheckAnswer };
      return { ok: false, retryKey: number.reason === 'checksum' ? 'track.number.retry.checksum' : 'track.check.retry' };
    }));
  }

  protected initialState(options: unknown, step: WaterfallStepContext): TrackState {
    const given = (options ?? {}) as TrackOptions;
    if (given.number) return { mode: 'check', number: given.number };
    // The request itself may carry the number, however the flow was begun; a mistyped one is said to be so.
    const typed = findTrackingNumber(step.context.activity.text ?? '');
    if (typed?.ok) return { mode: 'check', number: typed.number };
    if (typed) return { mode: 'number', retryKey: `track.number.retry.${typed.reason}` };
    return { mode: 'own' };
  }

  protected async ask(step: WaterfallStepContext, state: TrackState): Promise<DialogTurnResult> {
    const { channelId, from } = step.context.activity;
    if (state.mode === 'own') {
      const own = await this.services.complaints.listOwn(channelId, from.id, MAX_OWN);
      if (own.length > 0) {
        return this.promptFor(step, CHOICE, {
          textKey: 'track.own.prompt',
          ...(state.retryKey ? { introKey: state.retryKey } : {}),
          // A number typed instead of a choice is taken as the number it is.
          freeText: true,
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
    if (state.mode === 'number') {
      return this.promptFor(step, NUMBER, { textKey: state.retryKey ?? 'track.number.prompt', emptyRetryKey: 'track.number.retry.format' });
    }
    // A complaint filed on this very channel account needs no check, and no lock-out ever stands in its way.
    const own = await this.services.complaints.getOwn(state.number as string, channelId, from.id);
    if (own) {
      await this.showStatus(step, own);
      return step.endDialog(own._id);
    }
    return this.promptFor(step, CHECK, {
      ...(state.afterMismatch ? { textKey: 'track.check.again' } : { textKey: 'track.check.prompt' }),
      emptyRetryKey: 'track.check.retry',
      skipLabelKey: 'track.check.changeNumber',
      sensitive: 'trackingCheck',
    });
  }

  protected async handle(step: WaterfallStepContext, state: TrackState, answer: unknown): Promise<Next<TrackState>> {
    const { channelId, from } = step.context.activity;
    if (state.mode === 'own') {
      const chosen = String(answer);
      if (chosen === 'other') return { state: { mode: 'number' } };
      if (chosen.startsWith(FREE_TEXT)) {
        const typed = readNumber(chosen.slice(FREE_TEXT.length));
        if (typed.ok) return { state: { mode: 'check', number: typed.number } };
        if (typed.reason === 'checksum') return { state: { mode: 'number', retryKey: 'track.number.retry.checksum' } };
        return { state: { mode: 'own', retryKey: 'track.own.retry' } };
      }
      const complaint = await this.services.complaints.getOwn(chosen, channelId, from.id);
      if (complaint) await this.showStatus(step, complaint);
      return { end: complaint?._id };
    }
    if (state.mode === 'number') return { state: { mode: 'check', number: String(answer) } };

    const given = answer as CheckAnswer;
    if ('changeNumber' in given) return { state: { mode: 'number' } };
    if ('number' in given) return { state: { mode: 'check', number: given.number } };
    const number = state.number as string;
    const t = translator(this.services, step.context);
    const result = await this.services.complaints.verify(number, given.check, `${channelId}\u0000${from.id}`);
    switch (result.kind) {
      case 'ok':
        await this.showStatus(step, result.complaint);
        return { end: result.complaint._id };
      case 'mismatch':
        await step.context.sendActivity(textMessage(t('track.check.mismatch', { number, left: result.left })));
        return { state: { mode: 'check', number, afterMismatch: true } };
      case 'locked': {
        const until = formatDateTime(result.until, this.services.language.current(step.context));
        await step.context.sendActivity(textMessage(t(result.scope === 'number' ? 'track.check.locked' : 'track.check.lockedRequester', { number, until })));
        return { end: undefined };
      }
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
