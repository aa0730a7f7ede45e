/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { flushPromises, mount } from '@vue/test-utils';
import ReplyBox from '../../../handoff/web/src/components/ReplyBox.vue';
import { i18n } from '../../../handoff/web/src/i18n';
import { desk, type OpenConversation } from '../../../handoff/web/src/state/desk';
import { openLiveConversation } from './openConversation';

/** The reply box mounted as the desk shows it: what it refuses, what it sends, and its state while sending. */

function conversation(): OpenConversation {
  return openLiveConversation('en');
}

let resolveReply: (value: unknown) => void = () => undefined;
const sent: Array<{ url: string; body: unknown }> = [];

beforeEach(() => {
  sent.length = 0;
  desk.canned = [{ id: 'greeting', title: { th: 'ทักทาย', en: 'Greeting' }, text: { form: 'polite', th: { kha: 'สวัสดีค่ะ', khrap: 'สวัสดีครับ' }, en: 'Hello' } }];
  desk.open = conversation();
  (globalThis as { fetch?: unknown }).fetch = jest.fn((url: string, init: { body?: string }) => {
    sent.push({ url, body: init.body ? JSON.parse(init.body) : undefined });
    return new Promise((resolve) => {
      resolveReply = () =>
        // What the client reads of a fetch answer (jsdom has no Response of its own).
        resolve({
          ok: true,
          status: 200,
          headers: { get: () => 'application/json' },
          json: async () => ({ message: { id: 'm1', at: 5, speaker: 'officer', text: 'Hello', delivery: 'delivered' } }),
        });
    });
  });
});

function mountBox() {
  return mount(ReplyBox, { props: { conversation: desk.open as OpenConversation }, global: { plugins: [i18n] } });
}

test('an empty reply is refused in words, and nothing is sent', async () => {
  const box = mountBox();
  await box.find('form').trigger('submit');
  expect(box.find('[role="alert"]').text()).toBe('พิมพ์ข้อความ แนบรูป หรือใส่ลิงก์ก่อนส่ง');
  expect(sent).toEqual([]);
});

test("a canned answer fills the box in the citizen's language; Ctrl+Enter sends it; the button waits while it goes", async () => {
  const box = mountBox();
  await box.find('#canned-select').setValue('greeting');
  await box.findAll('button').find((button) => button.text() === 'ใส่ในช่องข้อความ')!.trigger('click');
  expect((box.find('textarea').element as HTMLTextAreaElement).value).toBe('Hello');
  await box.find('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true });
  const send = box.find('button[type="submit"]');
  expect(send.text()).toBe('กำลังส่ง…');
  expect(send.attributes('disabled')).toBeDefined();
  expect(sent).toEqual([{ url: '/api/officer/conversations/c1/messages', body: { text: 'Hello' } }]);
  resolveReply(undefined);
  await flushPromises();
  expect(send.text()).toBe('ส่ง');
  expect(send.attributes('disabled')).toBeUndefined();
  expect((box.find('textarea').element as HTMLTextAreaElement).value).toBe('');
  expect(desk.open?.messages.map((message) => message.text)).toEqual(['Hello']);
});

test('what is typed is kept with the conversation while the officer looks elsewhere', async () => {
  const box = mountBox();
  await box.find('textarea').setValue('ขอเวลาตรวจสอบสักครู่');
  box.unmount();
  expect(desk.open?.draft.text).toBe('ขอเวลาตรวจสอบสักครู่');
  const again = mountBox();
  expect((again.find('textarea').element as HTMLTextAreaElement).value).toBe('ขอเวลาตรวจสอบสักครู่');
});
