import { ComponentDialog, type DialogTurnResult, type PromptOptions, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CardChoiceOptions } from './prompts/cardChoicePrompt';
import type { FieldPromptOptions } from './prompts/fieldPrompt';
import { type DialogServices, requireServices } from './services';

/** What `handle` decides: ask again from a new state, or end the dialog with a result. */
export type Next<S> = { state: S } | { end: unknown };

interface LoopOptions<S> {
  loopState?: S;
}

/**
 * A flow written as a small state machine on a two-step waterfall: `ask` puts one question (a prompt or a
 * child dialog) for the current state, `handle` reads the answer and returns the next state; the waterfall
 * then replaces itself with that state. Every flow is thus resumable at any question, and editing a field
 * is just a state change.
 */
export abstract class LoopDialog<S extends object> extends ComponentDialog {
  protected readonly services: DialogServices;
  private readonly loopId: string;

  protected constructor(dialogId: string, services: DialogServices) {
    super(dialogId);
    this.services = requireServices(services, dialogId);
    this.loopId = `${dialogId}.loop`;
    this.addDialog(new WaterfallDialog(this.loopId, [this.askStep.bind(this), this.handleStep.bind(this)]));
    this.initialDialogId = this.loopId;
  }

  /** The first state, from the options the dialog was begun with. */
  protected abstract initialState(options: unknown, step: WaterfallStepContext): S | Promise<S>;

  protected abstract ask(step: WaterfallStepContext, state: S): Promise<DialogTurnResult>;

  protected abstract handle(step: WaterfallStepContext, state: S, answer: unknown): Promise<Next<S>>;

  /**
   * The state of a running loop dialog, read from its instance state on the dialog stack (for the root's
   * resume question, which must describe a flow it does not own).
   */
  static currentState<T>(instanceState: unknown): T | undefined {
    const stack = (instanceState as { dialogs?: { dialogStack?: Array<{ state?: { values?: { state?: T } } }> } } | undefined)?.dialogs?.dialogStack;
    return stack?.[0]?.state?.values?.state;
  }

  /** Asks with one of our prompts; its options carry text keys, rendered in the citizen's language when asked. */
  protected promptFor(step: WaterfallStepContext, promptId: string, options: CardChoiceOptions | FieldPromptOptions | (PromptOptions & { textKey: string })): Promise<DialogTurnResult> {
    return step.prompt(promptId, options);
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as LoopOptions<S>;
    const state = options.loopState ?? (await this.initialState(step.options, step));
    (step.values as { state?: S }).state = state;
    return this.ask(step, state);
  }

  private async handleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { state: S }).state;
    const next = await this.handle(step, state, step.result);
    if ('end' in next) return step.endDialog(next.end);
    return step.replaceDialog(this.loopId, { loopState: next.state } satisfies LoopOptions<S>);
  }
}
