/** The reply box's rules, checked before sending so that the officer reads the problem in their language. */

/* The upload rules the officer API enforces on a reply photo, imported. */
import { IMAGE_TYPES, MAX_UPLOAD_FILE_BYTES } from '../../../../lib/files/uploadRules';
export { IMAGE_TYPES };
/** The largest photo in megabytes, for the texts that say it. */
export const MAX_IMAGE_MB = MAX_UPLOAD_FILE_BYTES / (1024 * 1024);
/*
 * The service's limits, from the contract's module of limits: the schemas' modules would bring zod into the first
 * load (a module's top-level schemas are calls a bundler cannot prove free of effects, so it keeps them).
 */
export { MAX_NOTE_LENGTH, MAX_REPLY_LENGTH } from '../../../../lib/contract/officer/textLimits';
export { MAX_STATUS_NOTE_LENGTH as MAX_STATUS_NOTE } from '../../../../lib/contract/officer/textLimits';
import { MAX_REPLY_LENGTH } from '../../../../lib/contract/officer/textLimits';

export interface ReplyDraft {
  text: string;
  link: string;
  file?: { type: string; size: number } | null;
}

export type ReplyProblem = { key: string; field: 'text' | 'link' | 'image' };

export function imageProblem(file: { type: string; size: number }): string | undefined {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'imageInvalid';
  if (file.size > MAX_UPLOAD_FILE_BYTES) return 'imageTooLarge';
  return undefined;
}

export function replyProblem(draft: ReplyDraft): ReplyProblem | undefined {
  const text = draft.text.trim();
  const link = draft.link.trim();
  if (!text && !link && !draft.file) return { key: 'replyEmpty', field: 'text' };
  if (text.length > MAX_REPLY_LENGTH) return { key: 'replyTooLong', field: 'text' };
  if (link && !/^https?:\/\/[^\s]+$/i.test(link)) return { key: 'linkInvalid', field: 'link' };
  if (draft.file) {
    const problem = imageProblem(draft.file);
    if (problem) return { key: problem, field: 'image' };
  }
  return undefined;
}

/** What the reply box may do now: nothing in a closed conversation, wait for a claim, watch another officer, or reply. */
export type ReplyMode = 'none' | 'claimFirst' | 'otherOfficer' | 'reply';

export function replyMode(item: { state: string; officerId?: string } | undefined, me: { id: string; role: string } | undefined, ended: boolean): ReplyMode {
  if (!item || !me || ended || (item.state !== 'queued' && item.state !== 'live')) return 'none';
  if (item.state === 'queued') return 'claimFirst';
  return item.officerId === me.id || me.role === 'admin' ? 'reply' : 'otherOfficer';
}
