import { Agent } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { send } from './http';
import { nowMs } from './stats';

/**
 * The queue benchmark's officers, in a worker thread: their requests are made and their answers read on
 * another thread (another core), as browsers would, so that the service's own thread does only the service's
 * work and the latencies are the service's.
 */

export interface QueueLoadsInput {
  url: string;
  cookie: string;
  warmUp: number;
  loads: number;
  parallel: number;
}

export interface QueueLoadsResult {
  items: number;
  sequential: { latencies: number[]; elapsedMs: number };
  parallel: { latencies: number[]; elapsedMs: number };
}

async function run(input: QueueLoadsInput): Promise<QueueLoadsResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.parallel });
  let items = 0;
  const once = async () => {
    const t0 = nowMs();
    const response = await send(agent, input.url, 'GET', { cookie: input.cookie });
    const elapsed = nowMs() - t0;
    if (response.status !== 200) throw new Error(`queue: HTTP ${response.status} ${response.body}`);
    items = (JSON.parse(response.body) as { items: unknown[] }).items.length;
    return elapsed;
  };
  try {
    for (let i = 0; i < input.warmUp; i += 1) await once();
    const sequential: number[] = [];
    let started = nowMs();
    for (let i = 0; i < input.loads; i += 1) sequential.push(await once());
    const sequentialElapsed = nowMs() - started;
    const parallel: number[] = [];
    started = nowMs();
    await Promise.all(Array.from({ length: input.parallel }, async () => {
      for (let i = 0; i < input.loads / input.parallel; i += 1) parallel.push(await once());
    }));
    return { items, sequential: { latencies: sequential, elapsedMs: sequentialElapsed }, parallel: { latencies: parallel, elapsedMs: nowMs() - started } };
  } finally {
    agent.destroy();
  }
}

if (parentPort) {
  const port = parentPort;
  run(workerData as QueueLoadsInput).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: String(error) }),
  );
}
