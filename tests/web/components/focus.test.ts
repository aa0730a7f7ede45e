/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { flushPromises, mount } from '@vue/test-utils';
import InternalNotes from '../../../handoff/web/src/components/InternalNotes.vue';
import ReplyBox from '../../../handoff/web/src/components/ReplyBox.vue';
import { moveFocus } from '../../../handoff/web/src/composables/useFocus';
import { i18n } from '../../../handoff/web/src/i18n';
import { desk, type OpenConversation } from '../../../handoff/web/src/state/desk';
import { openLiveConversation } from './openConversation';

/** Where the focus goes when a panel changes: the one rule, the note box after a note, and Escape out of the reply box. */

function conversation(): OpenConversation {
  return openLiveConversation('th');
}

const answer = (body: unknown) => ({ ok: true, status: 200, headers: { get: () => 'application/json' }, json: async () => body });

beforeEach(() => {
  document.body.innerHTML = '<main id="main" tabindex="-1"></main>';
  desk.canned = [];
  desk.open = conversation();
});

test.each([
  ['an element in the page takes the focus', true, 'target'],
  ['an element already removed: the main region, never the body', false, 'main'],
  ['no element at all: the main region', null, 'main'],
])('moveFocus: %s', async (_, attached, expected) => {
  const target = document.createElement('h2');
  target.id = 'target';
  target.tabIndex = -1;
  if (attached) document.body.append(target);
  await moveFocus(attached === null ? null : target);
  expect(document.activeElement?.id).toBe(expected);
});

test('after a note is added, the focus is back in the note box (empty, for the next one); after a refusal too', async () => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async () => answer({ note: { id: 'n1', at: 5, officerId: 'me', officerName: 'สมศรี', text: 'โทรกลับพรุ่งนี้' } }));
  const notes = mount(InternalNotes, { props: { conversation: 'c1', notes: [], canWrite: true }, global: { plugins: [i18n] }, attachTo: '#main' });
  const box = notes.find('textarea');
  await box.setValue('โทรกลับพรุ่งนี้');
  (notes.find('button[type="submit"]').element as HTMLButtonElement).focus();
  await notes.find('form').trigger('submit');
  await flushPromises();
  expect(document.activeElement).toBe(box.element);
  expect((box.element as HTMLTextAreaElement).value).toBe('');
  expect(desk.open?.notes.map((note) => note.text)).toEqual(['โทรกลับพรุ่งนี้']);

  (globalThis as { fetch?: unknown }).fetch = jest.fn(async () => ({ ok: false, status: 500, headers: { get: () => 'application/json' }, json: async () => ({ error: { code: 'internal', message: 'x' } }) }));
  await box.setValue('อีกเรื่อง');
  (notes.find('button[type="submit"]').element as HTMLButtonElement).focus();
  await notes.find('form').trigger('submit');
  await flushPromises();
  expect(document.activeElement).toBe(box.element);
  expect((box.element as HTMLTextAreaElement).value).toBe('อีกเรื่อง');
  notes.unmount();
});

test.each([
  ['the message box', '#reply-text'],
  ['the link box', '#reply-link'],
])('Escape in %s asks to leave the reply box; typed text stays', async (_, field) => {
  const box = mount(ReplyBox, { props: { conversation: desk.open as OpenConversation }, global: { plugins: [i18n] }, attachTo: '#main' });
  await box.find('#reply-text').setValue('jkx');
  await box.find(field).trigger('keydown', { key: 'Escape' });
  expect(box.emitted('leave')).toHaveLength(1);
  expect((box.find('#reply-text').element as HTMLTextAreaElement).value).toBe('jkx');
  // Other keys are the box's own: typing never leaves it.
  await box.find(field).trigger('keydown', { key: 'j' });
  expect(box.emitted('leave')).toHaveLength(1);
  box.unmount();
});
