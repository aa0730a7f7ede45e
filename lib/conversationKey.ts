/** A conversation's key across channels, `channel/conversationId`: how handoffs, transcripts and logs name it. */
export function conversationKey(reference: { channelId?: string; conversation?: { id?: string } }): string {
  return `${reference.channelId ?? ''}/${reference.conversation?.id ?? ''}`;
}
