import type { Message } from '../api/types';
import { type Said, said } from './text';
import { toTime } from './time';

/**
 * The service's own notes in a conversation's history are codes ("handoff.request:live:50"): they are told in
 * words here. `centre` names a centre code as the screen shows it.
 */
const SIMPLE: Record<string, string> = {
  undeliverable: 'systemUndeliverable',
  'handoff.claim': 'systemClaim',
  'handoff.close': 'systemClose',
  'handoff.idleClose': 'systemIdleClose',
  'handoff.answeredClose': 'systemAnsweredClose',
  'handoff.requeue': 'systemRequeue',
  'handoff.withdraw': 'systemWithdraw',
  'handoff.citizenLeft': 'systemCitizenLeft',
  'handoff.toQuestion': 'systemToQuestion',
  'handoff.offer': 'systemOffer',
};

export function systemSaid(message: Pick<Message, 'text' | 'officerName'>, centre: (code: string) => string, anOfficer: string): Said | undefined {
  const text = message.text ?? '';
  const name = message.officerName ?? anOfficer;
  const request = /^handoff\.request:(live|question):([A-Za-z0-9]+)$/.exec(text);
  if (request) return said(request[1] === 'question' ? 'systemRequestQuestion' : 'systemRequestLive', { centre: centre(request[2]) });
  const transfer = /^handoff\.transfer:([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(text);
  if (transfer) return said('systemTransfer', { name, from: centre(transfer[1]), to: centre(transfer[2]) });
  const key = SIMPLE[text];
  return key ? said(key, { name }) : undefined;
}

/**
 * A message added to a history: the same message again (a reply's answer and its frame) takes the newer
 * delivery state; a new one goes in time order.
 */
export function withMessage(messages: readonly Message[], message: Message): Message[] {
  if (message.id && messages.some((known) => known.id === message.id)) {
    return messages.map((known) => (known.id === message.id ? { ...known, ...message } : known));
  }
  return [...messages, message].sort((a, b) => (toTime(a.at) ?? 0) - (toTime(b.at) ?? 0));
}

/** The centre codes the service's notes in a history name, so that their names can be looked up. */
export function centreCodesIn(messages: readonly Pick<Message, 'speaker' | 'text'>[]): string[] {
  const codes: string[] = [];
  for (const message of messages) {
    if (message.speaker !== 'system' || !message.text) continue;
    const request = /^handoff\.request:(?:live|question):([A-Za-z0-9]+)$/.exec(message.text);
    const transfer = /^handoff\.transfer:([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(message.text);
    if (request) codes.push(request[1]);
    if (transfer) codes.push(transfer[1], transfer[2]);
  }
  return codes;
}
