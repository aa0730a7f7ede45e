import { computed, reactive } from 'vue';
import { ApiError } from '../api/client';
import { officerApi } from '../api/officer';
import type { CannedAnswer, Centre, Complaint, Message, Note, QueueItem, StreamFrame } from '../api/types';
import { centreCodesIn, withMessage } from '../logic/history';
import { byWaiting, isMine, sections } from '../logic/queue';
import { whatMessageRaises } from '../logic/unread';
import { me, onSignedOut } from './session';

/**
 * The desk: the queue of the officer's scope kept live by the stream, which conversations have unread citizen
 * messages, the centres and canned answers, and the conversation open beside the queue.
 */

export interface OpenConversation {
  id: string;
  item: QueueItem | null;
  messages: Message[];
  /** Internal notes: officers only, never sent to the citizen. */
  notes: Note[];
  complaint: Complaint | null;
  loading: boolean;
  notFound: boolean;
  /** The officer closed it here / it left the queue by someone else's hand / the officer transferred it. */
  closedHere: boolean;
  gone: boolean;
  transferredHere: boolean;
  /** A line about the last action: its catalogue key and values, and whether it is a failure. */
  notice: { key: string; vars?: Record<string, string | number>; error?: boolean } | null;
  /** What the officer has typed, kept while they look elsewhere. */
  draft: { text: string; link: string };
}

export interface Arrival {
  kind: 'item' | 'message';
  item: QueueItem;
}

const state = reactive({
  items: new Map<string, QueueItem>(),
  unread: new Set<string>(),
  centres: [] as Centre[],
  canned: [] as CannedAnswer[],
  open: null as OpenConversation | null,
  loadError: null as ApiError | null,
});

export const desk = state;

export const queueSections = computed(() => sections(state.items.values()));
/** The order the queue is shown in, for moving through it with the keyboard. */
export const queueOrder = computed(() => [...queueSections.value.live, ...queueSections.value.questions]);

const arrivalListeners = new Set<(arrival: Arrival) => void>();
/** A new item in the queue, or a citizen's message the officer should hear of (sound, notification, announcement). */
export function onArrival(listener: (arrival: Arrival) => void): () => void {
  arrivalListeners.add(listener);
  return () => arrivalListeners.delete(listener);
}

export function centreByCode(code: string | undefined): Centre | undefined {
  return code ? state.centres.find((centre) => centre.code === code) : undefined;
}

export async function loadQueue(): Promise<void> {
  try {
    const data = await officerApi.queue();
    state.items = new Map(byWaiting(data.items).map((item) => [item.id, item]));
    for (const id of state.unread) if (!state.items.has(id)) state.unread.delete(id);
    state.loadError = null;
  } catch (error) {
    if (error instanceof ApiError) state.loadError = error;
  }
}

/** Centres the app has seen (searches, lookups), by code: the names it shows for codes. */
function remember(centres: readonly Centre[]): void {
  const known = new Map(state.centres.map((centre) => [centre.code, centre]));
  for (const centre of centres) known.set(centre.code, centre);
  state.centres = [...known.values()];
}

/** Centres matching what an officer typed (name or code, Thai or English), as the service finds them. */
export async function findCentres(query: string): Promise<Centre[]> {
  const found = (await officerApi.centres(query.trim().slice(0, 100), 20)).centres;
  remember(found);
  return found;
}

/** The names of these codes, looked up once each. */
export async function ensureCentres(codes: readonly string[]): Promise<void> {
  const missing = [...new Set(codes)].filter((code) => code && !centreByCode(code));
  await Promise.all(missing.map((code) => findCentres(code).catch(() => [])));
}

export async function loadReferenceData(scope: readonly string[]): Promise<void> {
  const [canned] = await Promise.all([officerApi.canned().catch(() => ({ answers: [] })), ensureCentres(scope)]);
  state.canned = canned.answers;
}

export function setCanned(answers: CannedAnswer[]): void {
  state.canned = answers;
}

/**
 * The canned answers read again, as admins may have changed them since the app was opened (officers keep it open
 * all day): each conversation opened brings the list up to date. A failure keeps the list there was.
 */
async function refreshCanned(): Promise<void> {
  try {
    state.canned = (await officerApi.canned()).answers;
  } catch {
    // The list read before serves until the next conversation.
  }
}

export function putItem(item: QueueItem): void {
  if (item.state === 'queued' || item.state === 'live') state.items.set(item.id, item);
  else state.items.delete(item.id);
  if (state.open?.id === item.id) state.open.item = item;
}

function visible(): boolean {
  return typeof document === 'undefined' || document.visibilityState === 'visible';
}

export function handleFrame(frame: StreamFrame): void {
  if (frame.type === 'queue') {
    const known = state.items.has(frame.item.id);
    state.items.set(frame.item.id, frame.item);
    if (state.open?.id === frame.item.id) state.open.item = frame.item;
    if (!known && frame.item.state === 'queued') for (const listener of arrivalListeners) listener({ kind: 'item', item: frame.item });
  } else if (frame.type === 'removed') {
    state.items.delete(frame.id);
    state.unread.delete(frame.id);
    const open = state.open;
    if (open?.id === frame.id && !open.closedHere) {
      open.gone = true;
      // Someone else moved it (another officer closed or transferred it, or the citizen withdrew).
      if (!open.transferredHere) open.notice = { key: 'gone' };
    }
  } else if (frame.type === 'note') {
    if (state.open?.id === frame.id) addNote(state.open, frame.note);
  } else if (frame.type === 'message') {
    const open = state.open;
    const item = state.items.get(frame.id);
    if (open?.id === frame.id) {
      open.messages = withMessage(open.messages, frame.message);
      void ensureCentres(centreCodesIn([frame.message]));
    }
    const raised = whatMessageRaises({
      speaker: frame.message.speaker,
      inQueue: Boolean(item),
      isOpen: open?.id === frame.id,
      visible: visible(),
      heldByMe: isMine(item, me.value?.id),
    });
    if (raised.unread) state.unread.add(frame.id);
    if (raised.notify && item) for (const listener of arrivalListeners) listener({ kind: 'message', item });
  }
}

/** The open conversation has been seen: its unread mark goes (on opening it, and when the app comes back to the front). */
export function markSeen(id: string): void {
  state.unread.delete(id);
}

export async function openConversation(id: string): Promise<void> {
  if (state.open?.id === id && !state.open.notFound) return;
  markSeen(id);
  state.open = {
    id,
    item: state.items.get(id) ?? null,
    messages: [],
    notes: [],
    complaint: null,
    loading: true,
    notFound: false,
    closedHere: false,
    gone: false,
    transferredHere: false,
    notice: null,
    draft: { text: '', link: '' },
  };
  // The reactive object, not the plain one: changes to it redraw, and comparisons below hold.
  const open = state.open;
  try {
    const data = await officerApi.conversation(id);
    if (state.open !== open) return;
    open.item = data.item;
    open.messages = data.messages;
    open.notes = data.notes ?? [];
    open.complaint = data.complaint ?? null;
    void ensureCentres([data.item.centreCode, ...centreCodesIn(data.messages)]);
    void refreshCanned();
  } catch (error) {
    if (state.open !== open) return;
    if (error instanceof ApiError && error.status === 404) open.notFound = true;
    else open.notice = { key: 'genericError', error: true };
  } finally {
    if (state.open === open) open.loading = false;
  }
}

/** The open conversation fetched again (after a reconnect, or a refused action): messages merged, the item replaced. */
export async function refreshOpen(): Promise<void> {
  const open = state.open;
  if (!open || open.notFound) return;
  try {
    const data = await officerApi.conversation(open.id, { quiet: true });
    if (state.open !== open) return;
    open.item = data.item;
    for (const message of data.messages) open.messages = withMessage(open.messages, message);
    for (const note of data.notes ?? []) addNote(open, note);
  } catch {
    // Kept as it was; the next frame or reconnect tries again.
  }
}

function addNote(open: OpenConversation, note: Note): void {
  if (!open.notes.some((known) => known.id === note.id)) open.notes = [...open.notes, note].sort((a, b) => a.at - b.at);
}

export function addNoteToOpen(note: Note): void {
  if (state.open) addNote(state.open, note);
}

export function closeOpen(): void {
  state.open = null;
}

export function addToOpen(message: Message): void {
  if (state.open) state.open.messages = withMessage(state.open.messages, message);
}

onSignedOut(() => {
  state.items = new Map();
  state.unread = new Set();
  state.open = null;
  state.canned = [];
});
