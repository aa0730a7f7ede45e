import { cannedReply } from '../../lib/content/cannedText';
import { MAX_REPLY_LENGTH, replyMode, replyProblem } from '../../handoff/web/src/logic/reply';
import { whatMessageRaises } from '../../handoff/web/src/logic/unread';

/** The reply box's states and checks, the canned answer it is filled with, and what a new message raises. */

const me = { id: 'me', role: 'officer' };

test.each([
  ['no conversation yet', undefined, me, false, 'none'],
  ['waiting for a claim', { state: 'queued' }, me, false, 'claimFirst'],
  ['claimed by me', { state: 'live', officerId: 'me' }, me, false, 'reply'],
  ['held by another officer', { state: 'live', officerId: 'other' }, me, false, 'otherOfficer'],
  ['held by another officer, seen by an admin', { state: 'live', officerId: 'other' }, { id: 'admin', role: 'admin' }, false, 'reply'],
  ['closed here', { state: 'live', officerId: 'me' }, me, true, 'none'],
  ['closed', { state: 'closed' }, me, false, 'none'],
  ['back with the bot', { state: 'bot' }, me, false, 'none'],
] as const)('the reply box, %s', (_, item, officer, ended, mode) => {
  expect(replyMode(item, officer, ended)).toBe(mode);
});

test.each([
  ['nothing at all', { text: '  ', link: '' }, { key: 'replyEmpty', field: 'text' }],
  ['a text one character too long', { text: 'ก'.repeat(MAX_REPLY_LENGTH + 1), link: '' }, { key: 'replyTooLong', field: 'text' }],
  ['a link that is not http(s)', { text: '', link: 'javascript:alert(1)' }, { key: 'linkInvalid', field: 'link' }],
  ['a PDF instead of a photo', { text: '', link: '', file: { type: 'application/pdf', size: 10 } }, { key: 'imageInvalid', field: 'image' }],
  ['a photo over 10 MB', { text: '', link: '', file: { type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 } }, { key: 'imageTooLarge', field: 'image' }],
])('refused before sending: %s', (_, draft, problem) => {
  expect(replyProblem(draft)).toEqual(problem);
});

test.each([
  ['a text', { text: 'สวัสดีค่ะ', link: '' }],
  ['the longest text', { text: 'ก'.repeat(MAX_REPLY_LENGTH), link: '' }],
  ['a link alone', { text: '', link: 'https://www.damrongdham.moi.go.th/' }],
  ['a photo alone', { text: '', link: '', file: { type: 'image/webp', size: 1000 } }],
])('sent: %s', (_, draft) => {
  expect(replyProblem(draft)).toBeUndefined();
});

test("a canned answer goes in the citizen's language, the Thai in the officer's polite form", () => {
  const polite = { id: 'greeting', title: { th: 'ทักทาย', en: 'Greeting' }, text: { form: 'polite' as const, th: { kha: 'สวัสดีค่ะ', khrap: 'สวัสดีครับ' }, en: 'Hello' } };
  expect(cannedReply(polite, 'th', 'khrap')).toBe('สวัสดีครับ');
  expect(cannedReply(polite, 'th', 'kha')).toBe('สวัสดีค่ะ');
  // Not chosen yet: the ค่ะ form, as before answers had two.
  expect(cannedReply(polite, 'th', undefined)).toBe('สวัสดีค่ะ');
  expect(cannedReply(polite, 'en', 'khrap')).toBe('Hello');
  const neutral = { id: 'wait', title: { th: 'รอ', en: 'Wait' }, text: { form: 'neutral' as const, th: 'กรุณารอสักครู่', en: 'One moment, please' } };
  expect(cannedReply(neutral, 'th', 'khrap')).toBe('กรุณารอสักครู่');
});

test.each([
  ['a citizen writes in another conversation', { speaker: 'citizen', inQueue: true, isOpen: false, visible: true, heldByMe: false }, { unread: true, notify: false }],
  ['a citizen writes in the open one, the app in front', { speaker: 'citizen', inQueue: true, isOpen: true, visible: true, heldByMe: true }, { unread: false, notify: false }],
  ['a citizen writes in the open one, the app behind other windows', { speaker: 'citizen', inQueue: true, isOpen: true, visible: false, heldByMe: true }, { unread: true, notify: true }],
  ['a citizen writes in one I hold, the app in the background', { speaker: 'citizen', inQueue: true, isOpen: false, visible: false, heldByMe: true }, { unread: true, notify: true }],
  ["a citizen writes in another officer's, the app in the background", { speaker: 'citizen', inQueue: true, isOpen: false, visible: false, heldByMe: false }, { unread: true, notify: false }],
  ['an officer replies', { speaker: 'officer', inQueue: true, isOpen: false, visible: false, heldByMe: true }, { unread: false, notify: false }],
  ['outside the queue', { speaker: 'citizen', inQueue: false, isOpen: false, visible: false, heldByMe: false }, { unread: false, notify: false }],
])('%s', (_, context, raised) => {
  expect(whatMessageRaises(context)).toEqual(raised);
});
