import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';

/**
 * The outgoing half of a channel: the adapter hands it every activity the bot sends on that channel.
 * Direct Line appends to the conversation's log and its socket; Messenger and LINE call their send APIs.
 * A connector assigns the activity's id and reports failures by throwing, so that the caller (a turn, or a
 * proactive delivery) can record that a message was not delivered.
 */
export interface ChannelConnector {
  /** The `channelId` of the activities this connector carries, e.g. `directline`, `facebook`, `line`. */
  readonly channelId: string;
  send(activity: Partial<Activity>): Promise<ResourceResponse>;
  /** Channels that cannot edit or retract a sent message leave these out. */
  update?(activity: Partial<Activity>): Promise<void>;
  delete?(reference: Partial<ConversationReference>): Promise<void>;
}
