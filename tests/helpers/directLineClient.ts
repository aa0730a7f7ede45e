import { globalAgent } from 'node:http';
import { type Activity as ClientActivity, DirectLine } from 'botframework-directlinejs';
import { AsyncAction } from 'rxjs/scheduler/AsyncAction';
import { AsyncScheduler } from 'rxjs/scheduler/AsyncScheduler';
import type { Subscription } from 'rxjs/Subscription';
import { seedTexts } from './seedTexts';

/**
 * Microsoft's own Direct Line client, botframework-directlinejs (what Web Chat runs on), talking to the
 * service in Node, over the WebSocket stream and over polling: if it works here unchanged, Web Chat works.
 *
 * What directlinejs needs in Node, and why:
 * - XMLHttpRequest (rxjs 5's ajax, which every REST call goes through): xhr2 provides it, but xhr2 0.2.1
 *   throws "Unsupported send() data [object FormData]" for the FormData body of an upload. FormDataXhr below
 *   encodes the FormData with the platform's own multipart encoder (the Fetch API's Request) and hands xhr2
 *   the bytes and the boundary, which is what a browser's XMLHttpRequest does with FormData; everything else
 *   is xhr2 unchanged. The client's own code path (GET the contentUrl, FormData, POST /upload) is untouched.
 * - WebSocket: directlinejs takes the implementation from its options (`WebSocket`), but it decides whether to
 *   use a socket at all with `typeof WebSocket !== 'undefined'` on the global. Node 20 has no global
 *   WebSocket, so with only the option it silently falls back to polling; the global is set as well.
 * - FormData and Blob (uploads): Node 20's globals are used as they are.
 */

interface NodeXhr {
  send(body?: unknown): void;
  setRequestHeader(name: string, value: string): void;
}
// xhr2 ships no type declarations; this is the part of its XMLHttpRequest the shim touches.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Xhr2 = require('xhr2') as new () => NodeXhr;

export class FormDataXhr extends Xhr2 {
  override send(body?: unknown): void {
    if (!(body instanceof FormData)) {
      super.send(body);
      return;
    }
    const encoded = new Request('http://127.0.0.1/', { method: 'POST', body });
    void encoded.arrayBuffer().then((bytes) => {
      this.setRequestHeader('Content-Type', encoded.headers.get('content-type') ?? 'multipart/form-data');
      super.send(Buffer.from(bytes));
    });
  }
}


/**
 * An rxjs scheduler on which every delay passes 1000 times faster: directlinejs refreshes its token every
 * 15 minutes on its scheduler, which becomes 0.9 s here. Only the client's timers are sped up; the service's
 * clock is the test's own. (rxjs 5 is directlinejs's own dependency, and its `scheduler` option takes an rxjs 5
 * scheduler, so the classes come from there.)
 */
const TIME_SCALE = 1000;
class FastAction<T> extends AsyncAction<T> {
  protected override requestAsyncId(scheduler: AsyncScheduler, id?: unknown, delay = 0): unknown {
    return super.requestAsyncId(scheduler, id, delay / TIME_SCALE);
  }
}
export const fastScheduler = () => new AsyncScheduler(FastAction);


export type Json = Record<string, unknown>;
export const asObject = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const idOf = (activity: Json): string => asString(activity.id) ?? '';
export const seqOf = (id: string): number => Number(id.split('|')[1]);
export const roleOf = (activity: Json): string | undefined => asString(asObject(activity.from)?.role);
/** What an activity says: its text and its card's plain-text fallback. */
export function spoken(activity: Json): string {
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as unknown[]) : [];
  const fallback = asString(asObject(asObject(attachments[0])?.content)?.fallbackText);
  return [asString(activity.text), fallback].filter(Boolean).join('\n');
}

export interface Rest {
  base: string;
  conversationId: string;
  /** The Direct Line secret: the test's own view of the log, independent of the token the client holds. */
  secret: string;
  /** How many times the test read the log itself, to tell its reads from the client's in the request log. */
  reads: number;
}

export async function restActivities(rest: Rest, watermark: number): Promise<Json[]> {
  rest.reads += 1;
  const response = await fetch(`${rest.base}/v3/directline/conversations/${rest.conversationId}/activities?watermark=${watermark}`, {
    headers: { authorization: `Bearer ${rest.secret}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities: Json[] };
  return body.activities;
}

/** Connections Node's HTTP client (which xhr2 uses) holds open to an origin. */
export function connectionsTo(base: string): number {
  const { host } = new URL(base);
  const count = (pool: NodeJS.ReadOnlyDict<unknown[]>) => Object.entries(pool).filter(([name]) => name.startsWith(`${host}:`)).reduce((sum, [, sockets]) => sum + (sockets?.length ?? 0), 0);
  return count(globalAgent.sockets) + count(globalAgent.freeSockets);
}

/** A text, or the test photo (served at photoUrl) under a file name. */
export type Send = string | { photoName: string };

/** One citizen's directlinejs client, with everything it received. */
export class Citizen {
  readonly inbox: Json[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly subscription: Subscription;
  private failure: unknown;
  private sent = 0;

  constructor(readonly dl: DirectLine, readonly userId: string, readonly rest: Rest, private readonly photoUrl: string) {
    this.subscription = dl.activity$.subscribe({
      next: (activity: ClientActivity) => {
        this.inbox.push(activity as unknown as Json);
        for (const listener of this.listeners) listener();
      },
      error: (error: unknown) => {
        this.failure = error;
        for (const listener of this.listeners) listener();
      },
    });
  }

  /** Resolves with the probe's value once it has one, checking after each activity received and every 20 ms (for probes of other things). */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure !== undefined) return finish(() => reject(new Error(`the client failed while waiting for ${what}: ${String(this.failure)}`)));
        const value = probe();
        if (value !== undefined) finish(() => resolve(value));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}; received:\n${this.inbox.map((a) => `${idOf(a)} ${roleOf(a)}: ${spoken(a).slice(0, 80)}`).join('\n')}`))), timeoutMs);
      const poll = setInterval(check, 20);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  waitForText(text: string): Promise<Json> {
    return this.waitFor(`"${text.slice(0, 40)}"`, () => this.inbox.find((activity) => roleOf(activity) === 'bot' && spoken(activity).includes(text)));
  }

  /** Posts as Web Chat does (with a client activity id); resolves with the server's id for it. */
  async post(send: Send): Promise<{ id: string; clientActivityID: string }> {
    this.sent += 1;
    const clientActivityID = `client-${this.sent}`;
    const base = { type: 'message' as const, from: { id: this.userId, role: 'user' as const }, channelData: { clientActivityID }, locale: 'th-TH' };
    const activity: ClientActivity = typeof send === 'string'
      ? { ...base, text: send, textFormat: 'plain' }
      : { ...base, attachments: [{ contentType: 'image/png', contentUrl: this.photoUrl, name: send.photoName }] };
    const result: unknown = await this.dl.postActivity(activity).toPromise();
    const id = asString(result);
    if (!id || !new RegExp(`^${this.rest.conversationId}\\|\\d{7}$`).test(id)) throw new Error(`postActivity did not return a server id: ${String(result)}`);
    return { id, clientActivityID };
  }

  /**
   * One turn: the message, then every reply of the bot to it, as this client received them. The service answers
   * a post once the turn is over, so the log after the message's number holds exactly the turn's replies; the
   * client must receive each of them, identical.
   */
  async turn(send: Send): Promise<{ own: Json; replies: Json[]; said: string }> {
    const { id, clientActivityID } = await this.post(send);
    const logged = await restActivities(this.rest, seqOf(id) - 1);
    expect(idOf(logged[0])).toBe(id);
    const ids = logged.map(idOf);
    const received = await this.waitFor(`the replies to ${id}`, () => {
      const found = ids.map((wanted) => this.inbox.find((activity) => idOf(activity) === wanted));
      return found.every((activity) => activity !== undefined) ? (found as Json[]) : undefined;
    });
    expect(received).toEqual(logged);
    const [own, ...replies] = received;
    expect(own).toMatchObject({ from: { id: this.userId, role: 'user' }, channelData: { clientActivityID } });
    expect(replies.every((reply) => roleOf(reply) === 'bot')).toBe(true);
    return { own, replies, said: replies.map(spoken).join('\n---\n') };
  }

  end(): void {
    this.subscription.unsubscribe();
    this.dl.end();
  }
}

export interface Step {
  send: Send;
  /** Content keys (Thai) whose texts must all be in the turn's replies. */
  expect: string[];
  vars?: Record<string, string | number>;
}

export async function runSteps(citizen: Citizen, steps: Step[]): Promise<Array<{ own: Json; said: string }>> {
  const turns = [];
  for (const step of steps) {
    const result = await citizen.turn(step.send);
    for (const key of step.expect) {
      const expected = seedTexts.get('th', key, step.vars);
      if (!result.said.includes(expected)) throw new Error(`After ${JSON.stringify(typeof step.send === 'string' ? step.send : step.send.photoName)} expected "${key}" (${expected}) in:\n${result.said}`);
    }
    turns.push(result);
  }
  return turns;
}

/** What every activity a client received must satisfy, whoever sent it. */
export function checkInbox(citizen: Citizen, conversationId: string): void {
  const ids = citizen.inbox.map(idOf);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.map(seqOf)).toEqual([...ids.map(seqOf)].sort((a, b) => a - b));
  for (const activity of citizen.inbox) {
    expect(idOf(activity)).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));
    const timestamp = asString(activity.timestamp) ?? '';
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(asObject(activity.conversation)?.id).toBe(conversationId);
    if (roleOf(activity) === 'user') {
      expect(asObject(activity.from)?.id).toBe(citizen.userId);
      expect(asString(asObject(activity.channelData)?.clientActivityID)).toMatch(/^client-/);
    }
  }
}

