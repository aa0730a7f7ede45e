import type { Activity } from 'botbuilder';

/** An incoming message as a channel endpoint would hand it to the adapter. */
export function incomingMessage(text: string, options: { conversationId?: string; userId?: string; channelId?: string; locale?: string } = {}): Partial<Activity> {
  const conversationId = options.conversationId ?? 'conv-1';
  const userId = options.userId ?? 'user-1';
  return {
    type: 'message',
    id: `in-${Math.random().toString(36).slice(2)}`,
    text,
    locale: options.locale,
    channelId: options.channelId ?? 'test',
    serviceUrl: 'http://localhost/test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: '' },
    recipient: { id: 'bot', name: 'Damrongdham Bot' },
    timestamp: new Date(),
  };
}

export function incomingJoin(options: { conversationId?: string; userId?: string; channelId?: string; locale?: string } = {}): Partial<Activity> {
  const base = incomingMessage('', options);
  return {
    ...base,
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: 'bot', name: 'Damrongdham Bot' }, { id: options.userId ?? 'user-1', name: '' }],
  };
}
