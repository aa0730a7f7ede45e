import type { TurnContext } from 'botbuilder';
import { type DialogTurnResult, Prompt, type PromptOptions, type PromptRecognizerResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { textMessage } from '../cards/activity';
import { checkLink, findLinks, isImageContentType, MAX_ATTACHMENTS } from '../lib/complaints/fields';
import type { Attachment } from '../lib/complaints/types';
import { LoopDialog, type Next } from './loopDialog';
import { type DialogServices, translator } from './services';

export const ATTACHMENTS_DIALOG = 'attachments';
const MESSAGE_PROMPT = 'attachments.message';

/** What a citizen sent: their text and the files attached to the message. */
interface SentMessage {
  text: string;
  files: Array<{ contentType?: string; contentUrl?: string; name?: string }>;
}

interface AttachmentsState {
  attachments: Attachment[];
}

/** Takes any message, text or files, and leaves the judging to the dialog. */
class MessagePrompt extends Prompt<SentMessage> {
  constructor(private readonly services: DialogServices) {
    super(MESSAGE_PROMPT);
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions): Promise<void> {
    const t = translator(this.services, context);
    const { textKey, vars } = options as PromptOptions & { textKey: string; vars: Record<string, number> };
    const count = vars.count;
    await context.sendActivity(textMessage(t(textKey, vars), count > 0 ? [t('common.done')] : [t('common.skip')]));
  }

  protected override async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<SentMessage>> {
    const files = (context.activity.attachments ?? []).slice(0, MAX_ATTACHMENTS * 2).map((file) => ({
      contentType: typeof file.contentType === 'string' ? file.contentType : undefined,
      contentUrl: typeof file.contentUrl === 'string' ? file.contentUrl : undefined,
      name: typeof file.name === 'string' ? file.name.slice(0, 200) : undefined,
    }));
    return { succeeded: true, value: { text: (context.activity.text ?? '').slice(0, 10000), files } };
  }
}

/**
 * Photos and links as evidence: images only (JPEG, PNG, GIF, WebP), links only http(s), at most five in all.
 * Anything else gets a message saying why it was not added; what was added stays.
 */
export class AttachmentsDialog extends LoopDialog<AttachmentsState> {
  constructor(services: DialogServices) {
    super(ATTACHMENTS_DIALOG, services);
    this.addDialog(new MessagePrompt(services));
  }

  protected initialState(options: unknown): AttachmentsState {
    const given = (options as { attachments?: Attachment[] } | undefined)?.attachments ?? [];
    return { attachments: given.slice(0, MAX_ATTACHMENTS) };
  }

  protected async ask(step: WaterfallStepContext, state: AttachmentsState): Promise<DialogTurnResult> {
    const count = state.attachments.length;
    return this.promptFor(step, MESSAGE_PROMPT, {
      textKey: count === 0 ? 'complaint.attachments.prompt' : 'complaint.attachments.added',
      vars: { count, max: MAX_ATTACHMENTS },
    });
  }

  protected async handle(step: WaterfallStepContext, state: AttachmentsState, answer: unknown): Promise<Next<AttachmentsState>> {
    const message = answer as SentMessage;
    const t = translator(this.services, step.context);
    const { intents } = this.services;
    if (message.files.length === 0 && (intents.is(message.text, 'done') || intents.is(message.text, 'skip'))) {
      return { end: state.attachments };
    }
    const attachments = [...state.attachments];
    const problems = new Set<string>();
    for (const file of message.files) {
      if (!isImageContentType(file.contentType)) {
        problems.add('complaint.attachments.notImage');
        continue;
      }
      const link = file.contentUrl ? checkLink(file.contentUrl) : { ok: false as const };
      if (!link.ok) {
        problems.add('complaint.attachments.notImage');
        continue;
      }
      if (attachments.length >= MAX_ATTACHMENTS) {
        problems.add('complaint.attachments.tooMany');
        continue;
      }
      attachments.push({ kind: 'image', url: link.url, contentType: (file.contentType as string).toLowerCase(), ...(file.name ? { name: file.name } : {}) });
    }
    const links = findLinks(message.text, MAX_ATTACHMENTS * 2);
    for (const url of links) {
      if (attachments.some((attachment) => attachment.url === url)) continue;
      if (attachments.length >= MAX_ATTACHMENTS) {
        problems.add('complaint.attachments.tooMany');
        continue;
      }
      attachments.push({ kind: 'link', url });
    }
    if (message.files.length === 0 && links.length === 0) {
      problems.add(/\b(?:javascript|data|file|ftp):/i.test(message.text) ? 'complaint.attachments.badLink' : 'complaint.attachments.notUnderstood');
    }
    for (const key of problems) await step.context.sendActivity(textMessage(t(key, { max: MAX_ATTACHMENTS })));
    // A full set needs no "done": the flow moves on by itself.
    if (attachments.length >= MAX_ATTACHMENTS) {
      await step.context.sendActivity(textMessage(t('complaint.attachments.added', { count: attachments.length, max: MAX_ATTACHMENTS })));
      return { end: attachments };
    }
    return { state: { attachments } };
  }
}
