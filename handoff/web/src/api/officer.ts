import { call, type CallOptions } from './client';
import type { AuditEntry, CannedAnswer, Centre, Complaint, Message, Note, OfficeCalendar, OfficeHoursState, Officer, QueueItem, Role, Session } from './types';

/** Every route of the officer API (docs/officer-api.md), typed: screens call these, never fetch. */

const id = (value: string) => encodeURIComponent(value);

export const officerApi = {
  session: (options?: CallOptions) => call<Session>('GET', '/session', undefined, options),
  signIn: (username: string, password: string) => call<Session>('POST', '/session', { username, password }, { quiet: true }),
  signOut: () => call<void>('DELETE', '/session', undefined, { quiet: true }),
  changePassword: (current: string, next: string) => call<void>('POST', '/password', { current, next }, { quiet: true }),
  saveSettings: (settings: { politeEnding: 'kha' | 'khrap' }) => call<{ officer: Officer }>('PATCH', '/settings', settings),

  queue: () => call<{ items: QueueItem[] }>('GET', '/queue'),
  centres: (q: string, limit = 10) => call<{ centres: Centre[] }>('GET', `/centres?${new URLSearchParams({ q, limit: String(limit) }).toString()}`, undefined, { quiet: true }),
  canned: () => call<{ answers: CannedAnswer[] }>('GET', '/canned', undefined, { quiet: true }),

  conversation: (conversation: string, options?: CallOptions) =>
    call<{ item: QueueItem; messages: Message[]; notes?: Note[]; complaint?: Complaint }>('GET', `/conversations/${id(conversation)}`, undefined, options),
  claim: (conversation: string) => call<{ item: QueueItem }>('POST', `/conversations/${id(conversation)}/claim`),
  reply: (conversation: string, body: { text: string; link?: string } | FormData) => call<{ message: Message }>('POST', `/conversations/${id(conversation)}/messages`, body),
  transfer: (conversation: string, centreCode: string, note?: string) =>
    call<{ item: QueueItem }>('POST', `/conversations/${id(conversation)}/transfer`, note ? { centreCode, note } : { centreCode }),
  close: (conversation: string) => call<{ item: QueueItem }>('POST', `/conversations/${id(conversation)}/close`),
  addNote: (conversation: string, text: string) => call<{ note: Note }>('POST', `/conversations/${id(conversation)}/notes`, { text }),

  createCanned: (answer: Omit<CannedAnswer, 'id'> & { id?: string }) => call<{ answer: CannedAnswer }>('POST', '/canned', answer),
  updateCanned: (answer: CannedAnswer) => call<{ answer: CannedAnswer }>('PUT', `/canned/${id(answer.id)}`, { title: answer.title, text: answer.text }),
  deleteCanned: (answerId: string) => call<void>('DELETE', `/canned/${id(answerId)}`),

  complaint: (number: string) => call<{ complaint: Complaint }>('GET', `/complaints/${id(number)}`),
  setStatus: (number: string, status: string, note: string) => call<{ complaint: Complaint; notified: boolean }>('POST', `/complaints/${id(number)}/status`, { status, note }),

  officers: (options?: CallOptions) => call<{ officers: Officer[] }>('GET', '/officers', undefined, options),
  createOfficer: (input: { username: string; displayName: string; role: Role; centres: string[] }) => call<{ officer: Officer; password: string }>('POST', '/officers', input),
  updateOfficer: (officer: string, change: Partial<Pick<Officer, 'displayName' | 'role' | 'centres' | 'disabled'>>) => call<{ officer: Officer }>('PATCH', `/officers/${id(officer)}`, change),
  resetPassword: (officer: string) => call<{ officer: Officer; password: string }>('POST', `/officers/${id(officer)}/password`),

  officeHours: (options?: CallOptions) => call<OfficeHoursState & { openNow: boolean; nextOpening: number | null }>('GET', '/office-hours', undefined, options),
  saveOfficeHours: (calendar: OfficeCalendar) => call<{ calendar: OfficeCalendar }>('PUT', '/office-hours', calendar),

  audit: (query: { actor?: string; target?: string; before?: string; limit: number }) => {
    const params = new URLSearchParams();
    if (query.actor) params.set('actor', query.actor);
    if (query.target) params.set('target', query.target);
    if (query.before) params.set('before', query.before);
    params.set('limit', String(query.limit));
    return call<{ entries: AuditEntry[] }>('GET', `/audit?${params.toString()}`);
  },
};
