import { type Activity, TurnContext } from 'botbuilder';
import { conversationRef } from '../../../bot/errorHandler';
import { idOf } from '../../../handoff/conversationIds';
import { generateTrackingNumber } from '../../../lib/complaints/trackingNumber';
import { keyedLogRef } from '../../../lib/logger';
import { loadSecrets } from '../../../lib/secrets';
import { buildTestApp, type TestApp } from '../../helpers/testApp';

/**
 * The request log line's path, captured from the service's real logger: conversation ids appear as the hash
 * the rest of the logs use for that conversation, tracking numbers as a keyed hash, never as they are.
 */

const NUMBER = generateTrackingNumber(2569);

describe('paths in request logs', () => {
  let t: TestApp;
  let base: string;
  beforeEach(async () => {
    t = await buildTestApp();
    base = await t.listen();
  });
  afterEach(async () => t.close());

  const loggedPath = (requestId: string) => t.logs.lines().find((line) => line.msg === 'request' && line.reqId === requestId)?.path;
  const get = (path: string, requestId: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { 'x-request-id': requestId, ...headers } });

  test('a Direct Line conversation id, and the officer API\'s id of the same conversation, are logged as its turn-log hash', async () => {
    const chat = (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}` } });
    // The hash a failed turn of this conversation is logged under.
    const hash = conversationRef(new TurnContext(t.app.adapter, { channelId: 'directline', conversation: { id: chat.conversationId } } as Activity));
    expect(hash).toMatch(/^[0-9a-f]{12}$/);

    expect((await get(`/v3/directline/conversations/${chat.conversationId}/activities?watermark=0`, 'req-dl-activities', { authorization: `Bearer ${chat.token}` })).status).toBe(200);
    expect(loggedPath('req-dl-activities')).toBe(`/v3/directline/conversations/${hash}/activities`);
    await get(`/v3/directline/conversations/${chat.conversationId}`, 'req-dl-conversation', { authorization: `Bearer ${chat.token}` });
    expect(loggedPath('req-dl-conversation')).toBe(`/v3/directline/conversations/${hash}`);
    await get(`/api/officer/conversations/${idOf(`directline/${chat.conversationId}`)}`, 'req-officer-conversation');
    expect(loggedPath('req-officer-conversation')).toBe(`/api/officer/conversations/${hash}`);

    expect(t.logs.text()).not.toContain(chat.conversationId);
    expect(t.logs.text()).not.toContain(idOf(`directline/${chat.conversationId}`));
  });

  test('a tracking number is logged as a keyed hash, the same however it was typed', async () => {
    const { hashingKey } = loadSecrets(t.dataDir, {});
    await get(`/api/officer/complaints/${NUMBER}`, 'req-complaint');
    await fetch(`${base}/api/officer/complaints/${NUMBER.toLowerCase()}/status`, { method: 'POST', headers: { 'x-request-id': 'req-complaint-status' } });
    expect(loggedPath('req-complaint')).toBe(`/api/officer/complaints/${keyedLogRef(hashingKey, NUMBER)}`);
    expect(loggedPath('req-complaint-status')).toBe(`/api/officer/complaints/${keyedLogRef(hashingKey, NUMBER)}/status`);
    expect(t.logs.text().toUpperCase()).not.toContain(NUMBER.slice(-7));
  });

  test('other paths are logged as they are, without the query string, and at most 256 characters long', async () => {
    await get('/healthz?t=secret-token', 'req-health');
    expect(loggedPath('req-health')).toBe('/healthz');
    await get(`/${'x'.repeat(5000)}`, 'req-long');
    expect(loggedPath('req-long')).toBe(`/${'x'.repeat(255)}`);
    expect(t.logs.text()).not.toContain('secret-token');
  });
});
