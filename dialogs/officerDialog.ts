import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { textMessage } from '../cards/activity';
import type { HandoffKind } from '../lib/handoff/handoffs';
import { MAX_REASON_LENGTH } from '../lib/handoff/handoffs';
import { DestinationDialog, DESTINATION_DIALOG, type DestinationResult } from './destinationDialog';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type ChoiceDef } from './prompts/cardChoicePrompt';
import { FieldPrompt } from './prompts/fieldPrompt';
import { bilingual, type DialogServices, translator } from './services';

export const OFFICER_DIALOG = 'officer';
const CHOICE = 'officer.choice';
const QUESTION = 'officer.question';

export interface OfficerOptions {
  /** What the citizen said when asking ("ขอคุยกับเจ้าหน้าที่เรื่องที่ดิน"): shown to officers as the reason. */
  reason?: string;
}

interface OfficerState {
  mode: 'centre' | 'destination' | 'question';
  reason: string;
  complaintId?: string;
  complaintCentre?: string;
  centreCode?: string;
  /** The chosen centre has no officer accounts: the citizen is told so, and may leave a question. */
  unstaffed?: boolean;
}

/**
 * "Talk to an officer": the centre of the citizen's latest complaint, or one they choose; then, in office hours,
 * a place in that centre's queue with an honest wait estimate; outside them, a question left for the next
 * working day, with why officers are not in (from the calendar) and when they will answer. A centre without
 * officer accounts is said to be so, and the citizen may leave a question. From then on the handoff middleware
 * carries the conversation.
 */
export class OfficerDialog extends LoopDialog<OfficerState> {
  constructor(services: DialogServices) {
    super(OFFICER_DIALOG, services);
    this.addDialog(new CardChoicePrompt(CHOICE, services));
    this.addDialog(new FieldPrompt(QUESTION, services, (text) => {
      const question = text.trim();
      return question.length > 0 ? { ok: true, value: question.slice(0, MAX_REASON_LENGTH) } : { ok: false, retryKey: 'handoff.afterHours.prompt' };
    }));
    this.addDialog(new DestinationDialog(services));
  }

  protected async initialState(options: unknown, step: WaterfallStepContext): Promise<OfficerState> {
    const { reason } = (options ?? {}) as OfficerOptions;
    const { channelId, from } = step.context.activity;
    const [latest] = await this.services.complaints.listOwn(channelId, from.id, 1);
    const centre = latest?.destination.kind === 'centre' ? latest.destination.code : undefined;
    return {
      mode: centre ? 'centre' : 'destination',
      reason: (reason ?? '').slice(0, MAX_REASON_LENGTH),
      ...(latest && centre ? { complaintId: latest._id, complaintCentre: centre } : {}),
    };
  }

  protected async ask(step: WaterfallStepContext, state: OfficerState): Promise<DialogTurnResult> {
    switch (state.mode) {
      case 'centre': {
        const code = state.complaintCentre as string;
        const label = (lang: 'th' | 'en') => this.services.texts.get(lang, 'handoff.centre.ofComplaint', {
          centre: this.services.centres.directory.describeDestination({ kind: 'centre', code }, lang),
          number: state.complaintId as string,
        });
        const items: ChoiceDef[] = [
          { value: code, label: { th: label('th'), en: label('en') } },
          { value: 'other', label: bilingual(this.services, 'handoff.centre.other') },
        ];
        return this.promptFor(step, CHOICE, { textKey: 'handoff.centre.prompt', items });
      }
      case 'destination':
        return step.beginDialog(DESTINATION_DIALOG, { centresOnly: true, promptKey: 'handoff.destination.prompt', confirmKey: 'handoff.destination.confirm' });
      case 'question': {
        const lang = this.services.language.current(step.context);
        if (state.unstaffed) {
          const centre = this.services.centres.directory.describeDestination({ kind: 'centre', code: state.centreCode as string }, lang);
          return this.promptFor(step, QUESTION, { textKey: 'handoff.unstaffed.prompt', vars: { centre } });
        }
        const when = this.services.handoff.describeNextOpening(lang);
        return this.promptFor(
          step,
          QUESTION,
          when ? { textKey: 'handoff.afterHours.prompt', vars: { closed: this.services.handoff.describeClosedNow(lang), when } } : { textKey: 'handoff.noHours' },
        );
      }
    }
  }

  protected async handle(step: WaterfallStepContext, state: OfficerState, answer: unknown): Promise<Next<OfficerState>> {
    switch (state.mode) {
      case 'centre':
        if (answer === 'other') return { state: { ...state, mode: 'destination', complaintId: undefined } };
        return this.choose(step, { ...state, centreCode: String(answer) });
      case 'destination': {
        const { destination } = answer as DestinationResult;
        return this.choose(step, { ...state, centreCode: destination.kind === 'centre' ? destination.code : 'MOI' });
      }
      case 'question':
        await this.queue(step, state, 'question', String(answer));
        return { end: undefined };
    }
  }

  /**
   * In office hours the citizen is queued at once; otherwise, or where the centre has no officers to queue for,
   * they are asked for their question first.
   */
  private async choose(step: WaterfallStepContext, state: OfficerState): Promise<Next<OfficerState>> {
    if (!(await this.services.handoff.staffed(state.centreCode as string))) return { state: { ...state, mode: 'question', unstaffed: true } };
    if (!this.services.handoff.liveNow()) return { state: { ...state, mode: 'question' } };
    await this.queue(step, state, 'live', state.reason);
    return { end: undefined };
  }

  private async queue(step: WaterfallStepContext, state: OfficerState, kind: HandoffKind, reason: string): Promise<void> {
    const lang = this.services.language.current(step.context);
    const t = translator(this.services, step.context);
    const { handoff } = await this.services.handoff.request(step.context, {
      centreCode: state.centreCode as string,
      kind,
      reason,
      lang,
      ...(state.complaintId ? { complaintId: state.complaintId } : {}),
    });
    if (handoff.kind === 'question') {
      const when = this.services.handoff.describeNextOpening(lang);
      const atOpening = when && !state.unstaffed && !this.services.handoff.liveNow();
      await step.context.sendActivity(textMessage(atOpening ? t('handoff.question.recorded', { when }) : t('handoff.question.recordedSoon')));
    } else {
      const position = await this.services.handoff.position(handoff);
      const minutes = await this.services.handoff.estimateMinutes(handoff, position);
      const centre = this.services.centres.directory.describeDestination({ kind: 'centre', code: handoff.centreCode }, lang);
      const estimate = minutes === undefined ? t('handoff.estimate.unknown') : t('handoff.estimate.minutes', { minutes });
      await step.context.sendActivity(textMessage(t('handoff.queued', { centre, position, estimate })));
    }
    this.services.handoff.silenceRestOfTurn(step.context);
  }
}
