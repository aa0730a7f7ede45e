/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { QueueItem } from '../../../handoff/web/src/api/types';
import QueueList from '../../../handoff/web/src/components/QueueList.vue';
import { i18n } from '../../../handoff/web/src/i18n';
import { desk, handleFrame } from '../../../handoff/web/src/state/desk';

/** The queue as the officer sees it: oldest first in each section, and a citizen's new message marked unread. */

const item = (id: string, queuedAt: number, extra: Partial<QueueItem> = {}): QueueItem => ({
  id,
  state: 'queued',
  kind: 'live',
  centreCode: '50',
  centreName: { th: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', en: 'Chiang Mai Provincial Damrongdham Center' },
  channelId: 'directline',
  lang: 'th',
  reason: `เรื่อง ${id}`,
  requestedAt: queuedAt,
  queuedAt,
  lastActivityAt: queuedAt,
  ...extra,
});

test('oldest first in each section; a new item from the stream takes its place; a citizen message marks its item unread', async () => {
  const now = Date.now();
  desk.items = new Map([item('late', now - 1000), item('early', now - 60_000), item('question', now - 5000, { kind: 'question' })].map((entry) => [entry.id, entry]));
  desk.unread = new Set();
  desk.open = null;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)', component: { template: '<div />' } }] });
  const list = mount(QueueList, { global: { plugins: [i18n, router] } });
  const reasons = (section: number) => list.findAll('ol')[section].findAll('.queue-item__reason').map((reason) => reason.text());
  expect(reasons(0)).toEqual(['เรื่อง early', 'เรื่อง late']);
  expect(reasons(1)).toEqual(['เรื่อง question']);
  expect(list.find('h3').text()).toBe('แชตสด 2');

  handleFrame({ type: 'queue', item: item('middle', now - 30_000) });
  await nextTick();
  expect(reasons(0)).toEqual(['เรื่อง early', 'เรื่อง middle', 'เรื่อง late']);

  handleFrame({ type: 'message', id: 'late', message: { id: 'm1', at: now, speaker: 'citizen', text: 'ยังรออยู่ค่ะ' } });
  await nextTick();
  const late = list.findAll('li').find((entry) => entry.text().includes('เรื่อง late'));
  expect(late?.text()).toContain('ข้อความใหม่');
  expect(list.text().match(/ข้อความใหม่/g)).toHaveLength(1);
});
