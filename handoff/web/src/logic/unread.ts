/**
 * What a new message in a conversation of the queue raises. A citizen's message not yet seen is unread: in
 * another conversation than the one open, or in the open one while the app is in the background. When the
 * officer holds that conversation and is not looking (the app hidden), a desktop notification says so too.
 */
export interface MessageContext {
  speaker: string;
  inQueue: boolean;
  isOpen: boolean;
  visible: boolean;
  heldByMe: boolean;
}

export function whatMessageRaises(context: MessageContext): { unread: boolean; notify: boolean } {
  if (context.speaker !== 'citizen' || !context.inQueue) return { unread: false, notify: false };
  const seen = context.isOpen && context.visible;
  return { unread: !seen, notify: context.heldByMe && !context.visible };
}
