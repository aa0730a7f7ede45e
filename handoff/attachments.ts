import type { Attachment } from 'botbuilder';
import { isFileLinkOf } from '../lib/files/links';
import { DIRECTLINE_CHANNEL } from '../lib/directline/channel';
import type { TranscriptAttachment } from '../lib/handoff/transcript';

/**
 * What officers are given of a message's attachments: its type, its name, and its link only when the link may be
 * trusted. On the Direct Line channel, where the citizen's own client writes the activity, that is a link to a
 * file of that very conversation (lib/files/links.ts); other channels' links come from their
 * platforms. The rule is applied when the transcript is written and again when it is read, so that an attachment
 * stored before the rule existed cannot slip through either.
 */

/** A transcript attachment from an activity's attachment, in the conversation of `conversationKey` (`channel/id`). */
export function transcriptAttachment(conversationKey: string, attachment: Pick<Attachment, 'contentType'> & { contentUrl?: unknown; name?: unknown }): TranscriptAttachment {
  const url = typeof attachment.contentUrl === 'string' && linkAllowed(conversationKey, attachment.contentUrl) ? attachment.contentUrl : undefined;
  return {
    contentType: attachment.contentType,
    ...(url !== undefined ? { url } : {}),
    ...(typeof attachment.name === 'string' ? { name: attachment.name } : {}),
  };
}

/** The stored attachments of a message of that conversation, as officers may see them. */
export function officerAttachments(conversationKey: string, attachments: readonly TranscriptAttachment[]): TranscriptAttachment[] {
  return attachments.map((attachment) => transcriptAttachment(conversationKey, { contentType: attachment.contentType, contentUrl: attachment.url, name: attachment.name }));
}

/** Whether a link in a conversation of `conversationKey` may be shown to officers as it is. */
export function linkAllowed(conversationKey: string, url: string): boolean {
  const slash = conversationKey.indexOf('/');
  if (conversationKey.slice(0, slash) !== DIRECTLINE_CHANNEL) return true;
  return isFileLinkOf(url, conversationKey.slice(slash + 1));
}
