import fs from 'node:fs';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { WebSocket } from 'ws';
import { ChannelAdapter } from '../bot/adapter';
import { createApp } from '../bot/app';
import { directLineRoutes } from '../bot/channels/directline/routes';
import { DirectLineService } from '../bot/channels/directline/service';
import { StreamHub } from '../bot/channels/directline/stream';
import { PublicAddress } from '../lib/http/publicAddress';
import { createServer } from '../bot/server';
import { loadConfig } from '../lib/config';
import { DirectLineLog } from '../lib/directline/log';
import { SensitivePrompts } from '../lib/privacy/sensitivePrompts';
import { TokenSigner } from '../lib/directline/tokens';
import { FileStore } from '../lib/files/fileStore';
import { createLogger, type Logger } from '../lib/logger';
import { loadSecrets } from '../lib/secrets';
import { openStore } from '../lib/store';
import { ensureIndexes } from '../lib/store/indexes';
import { SERVICE_INDEXES } from '../bot/indexes';
import type { Store } from '../lib/store/types';
import { collectGarbage } from './gc';
import { send } from './http';
import { formatRow, type LatencySummary, median, nowMs, summarise } from './stats';

/**
 * `npm run bench -- directline`: citizens over Direct Line, end to end. 200 conversations at once, each with its
 * own WebSocket stream, against the whole service in this process on 127.0.0.1 (embedded store in a temp
 * dir). Each conversation POSTs a message and waits for the bot's reply on its socket before sending the
 * next (a closed loop: 200 turns in flight); the round trip is measured from the POST to the reply's frame.
 * The same load against an echo bot behind the same Direct Line pieces (log, stream hub, service, routes,
 * embedded store) is the ceiling: what the endpoint costs without the dialogs. Paced runs send one message
 * per conversation every 250 ms (800 messages a second in all), then every second, to show the latency when
 * the service keeps up.
 *
 * Both services run side by side in this process and are measured in many short alternating blocks (echo, bot,
 * bot, echo, …): on a machine shared with other work, a change of load in the middle of the run then weighs on
 * both alike. The ratio is taken per pair of blocks, and the figure is the median of the pairs, with their
 * spread: one pair hit by a burst of other work moves the median little, where it would move a ratio over
 * the whole run. A full garbage collection runs between blocks (outside the measurement), so that neither
 * service's block pays for the garbage the other left behind.
 *
 * The clients are plain `ws` sockets and fetch: botframework-directlinejs per conversation (rxjs, polyfilled
 * XMLHttpRequest, its own timers) would cost more than the service under test and measure the client. The
 * clients share this process's event loop with the service, so the figures are a lower bound for both runs.
 *
 * The service's own limits apply (30 new conversations and 30 sockets per client address): each simulated
 * citizen has its own address (X-Forwarded-For, with TRUST_PROXY on, as behind the reverse proxy of a real
 * deployment). Each conversation of the saturated blocks sends more messages than the default burst (20), so
 * both services are configured with a burst that covers them (RATE_LIMIT_DIRECTLINE_MESSAGES): every message
 * still goes through the limiter.
 */

const CONVERSATIONS = 200;
/** Rounds before anything is measured: the JIT compiles the turn's code, statements are prepared, state rows exist. */
const WARM_UP_ROUNDS = 6;
/** The saturated measurement: this many pairs of blocks (one per service, alternating which goes first)… */
const SATURATED_PAIRS = 10;
/** …of this many rounds each (every conversation sends one message per round). */
const ROUNDS_PER_BLOCK = 4;
/** The messages each conversation sends in the saturated blocks, warm-up included: the burst both services allow. */
const MESSAGES_PER_CONVERSATION = WARM_UP_ROUNDS + SATURATED_PAIRS * ROUNDS_PER_BLOCK;
const MESSAGE_LIMIT = { RATE_LIMIT_DIRECTLINE_MESSAGES: `${MESSAGES_PER_CONVERSATION}/60` };
/** The paced runs: one message every 250 ms per conversation (800 msg/s in all), and a gentler one. */
const PACED_RUNS = [
  { intervalMs: 250, rounds: 12 },
  { intervalMs: 1000, rounds: 5 },
] as const;
/** A turn that takes longer than this counts as failed: the run must end, whatever the service does. */
const TURN_TIMEOUT_MS = 15_000;
const MESSAGE = 'สวัสดีค่ะ';

type Json = Record<string, unknown>;

/** Why turns failed, over the whole run (an HTTP status, a refused connection, or no reply in time). */
const failureKinds = new Map<string, number>();

function countFailure(kind: string): void {
  failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1);
}

/**
 * A POST with its JSON answer. Each citizen has its own kept-alive connection (as each browser does): with
 * fetch's shared pool, 200 requests sent at once queue for connections inside this process, and the client's
 * queueing would be measured as the service's latency.
 */
interface Endpoint {
  name: string;
  base: string;
  secret: string;
  close(): Promise<void>;
}

/** A logger that formats every line as in production and drops it: the service does the work of logging. */
function discardingLogger(): Logger {
  return createLogger('info', { write: () => undefined });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

async function openBenchStore(prefix: string): Promise<{ store: Store; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = await openStore({ dataDir: dir });
  await ensureIndexes(store, SERVICE_INDEXES);
  return { store, dir };
}

/** The service as bot/index.ts builds it. */
async function realService(): Promise<Endpoint> {
  const { store, dir } = await openBenchStore('ddbot-bench-dl-real-');
  const config = loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true', ...MESSAGE_LIMIT });
  const secrets = loadSecrets(dir, {});
  const app = await createApp({ config, logger: discardingLogger(), store, secrets });
  const base = await listen(app.server);
  return {
    name: 'Damrongdham bot',
    base,
    secret: secrets.directLineSecret,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same Direct Line pieces, composed as bot/app.ts composes them, in front of a bot that only echoes. */
async function echoService(): Promise<Endpoint> {
  const { store, dir } = await openBenchStore('ddbot-bench-dl-echo-');
  const secrets = loadSecrets(dir, {});
  const logger = discardingLogger();
  const signer = new TokenSigner(secrets.tokenSigningKey);
  const log = new DirectLineLog(store);
  const hub = new StreamHub(log, logger);
  const adapter = new ChannelAdapter();
  const logic = async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
  };
  const service = new DirectLineService({ log, hub, signer, adapter, logic, prompts: new SensitivePrompts(store) });
  adapter.registerConnector(service.connector);
  const config = loadConfig({ DATA_DIR: dir, ...MESSAGE_LIMIT });
  const routes = directLineRoutes({ service, log, hub, files: new FileStore(store, config.uploads), signer, secret: secrets.directLineSecret, address: new PublicAddress(undefined, 1), logger, limits: config.rateLimits });
  const server = createServer({ logger, store, lifecycle: { isShuttingDown: () => false }, routes: [routes] });
  const base = await listen(server);
  return {
    name: 'echo bot',
    base,
    secret: secrets.directLineSecret,
    close: async () => {
      hub.close();
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------

interface Waiting {
  clientActivityID: string;
  /** The server's id for the message, learnt from its echo on the socket. */
  serverId?: string;
  resolve: () => void;
}

/** One citizen: a conversation, its socket, and the reply it is waiting for. */
class Citizen {
  private waiting: Waiting | undefined;
  private sent = 0;
  private closing = false;
  failures = 0;

  private constructor(
    private readonly endpoint: Endpoint,
    private readonly agent: Agent,
    private readonly address: string,
    private readonly conversationId: string,
    private readonly token: string,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => {
      const text = String(data);
      if (text === '') return; // keep-alive
      const frame = JSON.parse(text) as { activities: Json[] };
      for (const activity of frame.activities) this.onActivity(activity);
    });
    // A citizen whose stream the service closes gets no more replies: said, since its turns then fail.
    socket.on('close', (code) => {
      if (!this.closing) countFailure(`stream closed by the service (code ${code}), counted once per socket`);
    });
  }

  static async start(endpoint: Endpoint, index: number, run: number): Promise<Citizen> {
    // 10.run.y.z: every simulated citizen comes from its own address.
    const address = `10.${run}.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const response = await send(agent, `${endpoint.base}/v3/directline/conversations`, 'POST', { authorization: `Bearer ${endpoint.secret}`, 'x-forwarded-for': address }, {
      user: { id: `dl_bench-${run}-${index}` },
      locale: 'th-TH',
    });
    if (response.status !== 201) throw new Error(`starting a conversation: HTTP ${response.status} ${response.body}`);
    const { conversationId, token, streamUrl } = JSON.parse(response.body) as { conversationId: string; token: string; streamUrl: string };
    const socket = new WebSocket(streamUrl, { headers: { 'x-forwarded-for': address } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, res) => reject(new Error(`opening the stream: HTTP ${res.statusCode ?? 0}`)));
    });
    return new Citizen(endpoint, agent, address, conversationId, token, socket);
  }

  /** Sends one message; resolves with the round trip to the bot's first reply on the socket, or undefined. */
  async turn(): Promise<number | undefined> {
    this.sent += 1;
    const clientActivityID = `bench-${this.sent}`;
    const started = nowMs();
    let timer: NodeJS.Timeout | undefined;
    let settle: (ok: boolean) => void = () => undefined;
    const replied = new Promise<boolean>((resolve) => {
      settle = resolve;
      this.waiting = { clientActivityID, resolve: () => resolve(true) };
      timer = setTimeout(() => resolve(false), TURN_TIMEOUT_MS);
    });
    const posted = send(
      this.agent,
      `${this.endpoint.base}/v3/directline/conversations/${this.conversationId}/activities`,
      'POST',
      { authorization: `Bearer ${this.token}`, 'x-forwarded-for': this.address },
      { type: 'message', text: MESSAGE, locale: 'th-TH', channelData: { clientActivityID } },
    ).then((response) => response.status, (error: NodeJS.ErrnoException) => {
      countFailure(`POST failed: ${error.code ?? error.message}`);
      return 0;
    });
    // A refused POST (429, an error) will have no reply: it fails the turn now rather than at the timeout.
    void posted.then((status) => {
      if (status !== 200) settle(false);
    });
    const ok = await replied;
    const elapsed = nowMs() - started;
    clearTimeout(timer);
    this.waiting = undefined;
    // The service answers the POST once the turn is over; the next message goes after it, as in Web Chat.
    const status = await posted;
    if (!ok || status !== 200) {
      if (status !== 200 && status !== 0) countFailure(`HTTP ${status}`);
      else if (!ok && status === 200) countFailure(`no reply within ${TURN_TIMEOUT_MS / 1000} s`);
      this.failures += 1;
      return undefined;
    }
    return elapsed;
  }

  close(): void {
    this.closing = true;
    this.socket.terminate();
    this.agent.destroy();
  }

  private onActivity(activity: Json): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const role = (activity.from as Json | undefined)?.role;
    if (role === 'user' && (activity.channelData as Json | undefined)?.clientActivityID === waiting.clientActivityID) {
      waiting.serverId = String(activity.id);
    } else if (role === 'bot' && waiting.serverId !== undefined && activity.replyToId === waiting.serverId) {
      waiting.resolve();
    }
  }
}

async function startCitizens(endpoint: Endpoint, run: number): Promise<Citizen[]> {
  const citizens: Citizen[] = [];
  // In batches, as people arrive: starting a conversation runs the bot's welcome turn.
  for (let index = 0; index < CONVERSATIONS; index += 20) {
    citizens.push(...(await Promise.all(Array.from({ length: Math.min(20, CONVERSATIONS - index) }, (_, offset) => Citizen.start(endpoint, index + offset, run)))));
  }
  return citizens;
}

interface RunResult {
  summary: LatencySummary;
  failures: number;
}

/** What a run measured: each turn's round trip, the time it all took, and the turns that failed. */
interface Measured {
  latencies: number[];
  elapsedMs: number;
  failures: number;
  /** The process's CPU time over the run (service and clients, every thread): what the turns cost, whatever the load. */
  cpuMs: number;
}

function result({ latencies, elapsedMs, failures }: Measured): RunResult {
  return { summary: summarise(latencies, elapsedMs), failures };
}

/** Failures counted from now on only. */
function failuresOf(citizens: readonly Citizen[], run: () => Promise<number[]>): Promise<Measured> {
  const before = citizens.reduce((sum, citizen) => sum + citizen.failures, 0);
  const started = nowMs();
  const cpu = process.cpuUsage();
  return run().then((latencies) => {
    const { user, system } = process.cpuUsage(cpu);
    return { latencies, elapsedMs: nowMs() - started, failures: citizens.reduce((sum, citizen) => sum + citizen.failures, 0) - before, cpuMs: (user + system) / 1000 };
  });
}

function closedLoop(citizens: Citizen[], rounds: number): Promise<Measured> {
  return failuresOf(citizens, async () => {
    const latencies: number[] = [];
    await Promise.all(citizens.map(async (citizen) => {
      for (let round = 0; round < rounds; round += 1) {
        const elapsed = await citizen.turn();
        if (elapsed !== undefined) latencies.push(elapsed);
      }
    }));
    return latencies;
  });
}

function pacedLoop(citizens: Citizen[], intervalMs: number, rounds: number): Promise<Measured> {
  return failuresOf(citizens, async () => {
    const latencies: number[] = [];
    await Promise.all(citizens.map(async (citizen, index) => {
      // Spread over the interval, as independent people would be.
      await new Promise((resolve) => setTimeout(resolve, (index * intervalMs) / citizens.length));
      for (let round = 0; round < rounds; round += 1) {
        const t0 = nowMs();
        const elapsed = await citizen.turn();
        if (elapsed !== undefined) latencies.push(elapsed);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (nowMs() - t0))));
      }
    }));
    return latencies;
  });
}

/** A service under load: its endpoint, the conversations of its saturated blocks, and what was measured. */
interface Subject {
  endpoint: Endpoint;
  citizens: Citizen[];
  blocks: Measured[];
  paced: RunResult[];
}

async function prepare(build: () => Promise<Endpoint>, run: number): Promise<Subject> {
  const endpoint = await build();
  const citizens = await startCitizens(endpoint, run);
  await closedLoop(citizens, WARM_UP_ROUNDS); // JIT, prepared statements, first state rows
  return { endpoint, citizens, blocks: [], paced: [] };
}

async function saturatedBlock(subject: Subject): Promise<void> {
  collectGarbage();
  subject.blocks.push(await closedLoop(subject.citizens, ROUNDS_PER_BLOCK));
}

async function pacedRun(subject: Subject, run: number, intervalMs: number, rounds: number): Promise<void> {
  // Fresh conversations each time: the earlier ones have used most of their burst allowance.
  const citizens = await startCitizens(subject.endpoint, run);
  subject.paced.push(result(await pacedLoop(citizens, intervalMs, rounds)));
  for (const citizen of citizens) citizen.close();
}

/** A subject's saturated blocks taken together: every turn, over the time the blocks took. */
function saturated(subject: Subject): RunResult {
  return result({
    latencies: subject.blocks.flatMap((measured) => measured.latencies),
    elapsedMs: subject.blocks.reduce((sum, measured) => sum + measured.elapsedMs, 0),
    failures: subject.blocks.reduce((sum, measured) => sum + measured.failures, 0),
    cpuMs: subject.blocks.reduce((sum, measured) => sum + measured.cpuMs, 0),
  });
}

const throughput = (measured: Measured) => measured.latencies.length / measured.elapsedMs;
const cpuPerTurn = (measured: Measured) => measured.cpuMs / measured.latencies.length;

export async function runDirectLineBench(): Promise<void> {
  // Each service's simulated citizens come from addresses of their own (10.run.y.z).
  const echo = await prepare(echoService, 0);
  const real = await prepare(realService, 1);
  try {
    // Alternating which goes first: echo, bot; bot, echo; echo, bot; …
    for (let pair = 0; pair < SATURATED_PAIRS; pair += 1) {
      for (const subject of pair % 2 === 0 ? [echo, real] : [real, echo]) await saturatedBlock(subject);
    }
    for (const citizen of [...echo.citizens, ...real.citizens]) citizen.close();
    for (const [index, { intervalMs, rounds }] of PACED_RUNS.entries()) {
      for (const [offset, subject] of [echo, real].entries()) await pacedRun(subject, 2 + index * 2 + offset, intervalMs, rounds);
    }
  } finally {
    await echo.endpoint.close();
    await real.endpoint.close();
  }

  const widths = [52, 7, 9, 9, 9, 9, 8];
  console.log(`directline: ${CONVERSATIONS} conversations over WebSocket streams, POST → bot's reply on the socket, 127.0.0.1, embedded store`);
  console.log(`saturated: ${SATURATED_PAIRS} pairs of blocks of ${ROUNDS_PER_BLOCK} rounds, echo and bot alternating, after ${WARM_UP_ROUNDS} warm-up rounds; a full GC before each block`);
  console.log(formatRow(['run', 'turns', 'turns/s', 'p50 ms', 'p99 ms', 'max ms', 'failed'], widths));
  const echoSaturated = saturated(echo);
  const realSaturated = saturated(real);
  const rows: Array<[string, RunResult]> = [
    ['echo bot, saturated (ceiling)', echoSaturated],
    [`${real.endpoint.name}, saturated`, realSaturated],
  ];
  PACED_RUNS.forEach(({ intervalMs }, index) => {
    const rate = `${1000 / intervalMs} msg/s each (${(CONVERSATIONS * 1000) / intervalMs}/s)`;
    rows.push([`echo bot, paced ${rate}`, echo.paced[index]], [`${real.endpoint.name}, paced ${rate}`, real.paced[index]]);
  });
  for (const [name, { summary: s, failures }] of rows) console.log(formatRow([name, s.count, s.perSecond, s.p50, s.p99, s.max, failures], widths));
  const pairs = echo.blocks.map((measured, index) => throughput(real.blocks[index]) / throughput(measured));
  const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
  console.log(`bot/echo throughput, saturated, per pair of blocks: ${pairs.map(percent).join(', ')}`);
  const sorted = [...pairs].sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.round(q * (sorted.length - 1))];
  console.log(`bot/echo throughput over the whole run: ${percent(realSaturated.summary.perSecond / echoSaturated.summary.perSecond)}`);
  const ratio = median(pairs);
  console.log(
    `bot/echo throughput, saturated, median of ${pairs.length} pairs: ${percent(ratio)} (middle half ${percent(quartile(0.25))}–${percent(quartile(0.75))}, ` +
      `all ${percent(sorted[0])}–${percent(sorted[sorted.length - 1])}) (goal >= 50 %): ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
  );
  // The cost of a turn in CPU time does not depend on how much of the machine other work takes: a cross-check
  // of the throughput ratio, which a busy machine spreads.
  const cpuPairs = echo.blocks.map((measured, index) => cpuPerTurn(measured) / cpuPerTurn(real.blocks[index]));
  const cpuSorted = [...cpuPairs].sort((a, b) => a - b);
  console.log(
    `CPU per turn (this process, clients included), median of the blocks: echo ${median(echo.blocks.map(cpuPerTurn)).toFixed(2)} ms, ` +
      `bot ${median(real.blocks.map(cpuPerTurn)).toFixed(2)} ms; echo/bot per pair, median ${percent(median(cpuPairs))} (all ${percent(cpuSorted[0])}–${percent(cpuSorted[cpuSorted.length - 1])})`,
  );
  if (failureKinds.size > 0) console.log(`failed turns: ${[...failureKinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}`);
  const verdict = (p99: number) => `${p99.toFixed(2)} ms (goal < 100 ms): ${p99 < 100 ? 'met' : 'NOT met'}`;
  console.log(`bot p99, saturated with ${CONVERSATIONS} turns in flight: ${verdict(realSaturated.summary.p99)}`);
  PACED_RUNS.forEach(({ intervalMs }, index) => console.log(`bot p99, paced one message every ${intervalMs} ms each: ${verdict(real.paced[index].summary.p99)}`));
}
