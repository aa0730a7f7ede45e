import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { FaqAnswers } from './faqAnswers';
import { LoopDialog, type Next } from './loopDialog';
import { FieldPrompt } from './prompts/fieldPrompt';
import type { DialogServices } from './services';

export const FAQ_DIALOG = 'faq';
const QUESTION = 'faq.question';
const MAX_QUESTION_LENGTH = 500;

export interface FaqOptions {
  /** The citizen's question, when it came with the message that started the flow. */
  question?: string;
}

/** How the flow ended: its answer already offered the next steps, so nobody needs to ask "anything else?". */
export interface FaqResult {
  nextStepsOffered: true;
}

export function offeredNextSteps(result: unknown): boolean {
  return (result as Partial<FaqResult> | undefined)?.nextStepsOffered === true;
}

interface FaqState {
  mode: 'ask' | 'match';
  question?: string;
}

/**
 * Questions: asks for one if none came with the request, then answers it (see FaqAnswers) and ends. Nothing
 * waits after an answer: "did this help?" and the next steps are buttons that work whenever pressed, and the
 * citizen's next message is taken as whatever it is.
 */
export class FaqDialog extends LoopDialog<FaqState> {
  private readonly answers: FaqAnswers;

  constructor(services: DialogServices) {
    super(FAQ_DIALOG, services);
    this.answers = new FaqAnswers(services);
    this.addDialog(new FieldPrompt(QUESTION, services, (text) => ({ ok: true, value: text.slice(0, MAX_QUESTION_LENGTH) })));
  }

  protected initialState(options: unknown): FaqState {
    const { question } = (options ?? {}) as FaqOptions;
    return question ? { mode: 'match', question } : { mode: 'ask' };
  }

  protected async ask(step: WaterfallStepContext, state: FaqState): Promise<DialogTurnResult> {
    if (state.mode === 'match') return step.next(state.question);
    // Any words are a question here; words that name another flow are that flow (the root sees to it).
    return this.promptFor(step, QUESTION, { textKey: 'faq.prompt', requests: 'explicit' });
  }

  protected async handle(step: WaterfallStepContext, _state: FaqState, answer: unknown): Promise<Next<FaqState>> {
    await this.answers.respond(step.context, String(answer).slice(0, MAX_QUESTION_LENGTH));
    return { end: { nextStepsOffered: true } satisfies FaqResult };
  }
}
