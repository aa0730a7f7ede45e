import { type Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * One HTTP request from a benchmark's client, on the agent given (kept-alive connections, as browsers keep them).
 * A request sent on a kept-alive connection that the server closed as idle at the same moment fails with a reset
 * before any answer: it is sent once more on a new connection, as browsers do, so that a client idle for a
 * while (its service waiting for the other's block) does not count the race as the service's failure.
 */
export function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body?: unknown): Promise<HttpAnswer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const attempt = (retried: boolean): Promise<HttpAnswer> => new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method,
      agent,
      headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
      response.on('error', reject);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') resolve(attempt(true));
      else reject(error);
    });
    outgoing.end(payload);
  });
  return attempt(false);
}
