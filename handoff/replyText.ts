import type { Activity } from 'botbuilder';
import { markdownWithLinks } from '../cards/escape';
import { DIRECTLINE_CHANNEL } from '../lib/directline/channel';

/** Channels whose client is Web Chat, which renders Markdown: there an officer's links are made clickable. */
const MARKDOWN_CHANNELS: readonly string[] = [DIRECTLINE_CHANNEL, 'webchat'];

/** The text of an officer's reply as the citizen's channel shows it best; the transcript keeps it as typed. */
export function replyText(channelId: string, text: string): Pick<Activity, 'text' | 'textFormat'> {
  return MARKDOWN_CHANNELS.includes(channelId) ? { text: markdownWithLinks(text), textFormat: 'markdown' } : { text, textFormat: 'plain' };
}
