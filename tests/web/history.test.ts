import type { Message } from '../../handoff/web/src/api/types';
import { centreCodesIn, systemSaid, withMessage } from '../../handoff/web/src/logic/history';
import { isOwnFile, linkify, safeUrl } from '../../handoff/web/src/logic/links';

/** The conversation history: the service's codes in words, messages merged in order, links and images made safe. */

const centre = (code: string) => `centre ${code}`;

test.each([
  ['handoff.request:live:50', { key: 'systemRequestLive', vars: { centre: 'centre 50' } }],
  ['handoff.request:question:5015', { key: 'systemRequestQuestion', vars: { centre: 'centre 5015' } }],
  ['handoff.transfer:50:51', { key: 'systemTransfer', vars: { name: 'สมศรี', from: 'centre 50', to: 'centre 51' } }],
  ['handoff.claim', { key: 'systemClaim', vars: { name: 'สมศรี' } }],
  ['handoff.citizenLeft', { key: 'systemCitizenLeft', vars: { name: 'สมศรี' } }],
])('%s is said in words', (text, said) => {
  expect(systemSaid({ text, officerName: 'สมศรี' }, centre, 'an officer')).toEqual(said);
});

test('an unknown code is left as it is', () => {
  expect(systemSaid({ text: 'handoff.somethingNew' }, centre, 'an officer')).toBeUndefined();
  expect(centreCodesIn([{ speaker: 'system', text: 'handoff.request:live:50' }, { speaker: 'system', text: 'handoff.transfer:50:5015' }, { speaker: 'citizen', text: 'handoff.request:live:99' }])).toEqual(['50', '50', '5015']);
});

test('a message seen twice (the answer to a reply and its frame) is kept once, with the newer delivery', () => {
  const sent: Message = { id: 'm2', at: 2000, speaker: 'officer', text: 'สวัสดีค่ะ', delivery: 'pending' };
  const history = withMessage([{ id: 'm1', at: 1000, speaker: 'citizen', text: 'ช่วยด้วย' }], sent);
  const again = withMessage(history, { ...sent, delivery: 'undeliverable', failure: 'blocked' });
  expect(again.map((message) => [message.id, message.delivery])).toEqual([
    ['m1', undefined],
    ['m2', 'undeliverable'],
  ]);
  // A message that arrives late goes where its time puts it.
  expect(withMessage(again, { id: 'm0', at: 500, speaker: 'bot', text: 'เมนู' }).map((message) => message.id)).toEqual(['m0', 'm1', 'm2']);
});

test('only http(s) addresses become links; the rest of the text stays text', () => {
  const origin = 'https://ddb.example';
  expect(linkify('ดูที่ https://www.damrongdham.moi.go.th/. และ javascript:alert(1)', origin)).toEqual([
    { text: 'ดูที่ ' },
    { text: 'https://www.damrongdham.moi.go.th/', href: 'https://www.damrongdham.moi.go.th/' },
    { text: '. และ javascript:alert(1)' },
  ]);
  expect(linkify('<b>ไม่ใช่ markup</b>', origin)).toEqual([{ text: '<b>ไม่ใช่ markup</b>' }]);
  expect(safeUrl('data:text/html,x', origin)).toBeUndefined();
});

test("images are loaded only from the service's own file route, with its token", () => {
  const origin = 'https://ddb.example';
  const own = new URL('/v3/directline/conversations/abcdefgh12/files/f1?t=token', origin);
  expect(isOwnFile(own, origin)).toBe(true);
  expect(isOwnFile(new URL('/v3/directline/conversations/abcdefgh12/files/f1', origin), origin)).toBe(false);
  expect(isOwnFile(new URL('/api/officer/officers?t=x', origin), origin)).toBe(false);
  expect(isOwnFile(new URL('https://evil.example/v3/directline/conversations/abcdefgh12/files/f1?t=token'), origin)).toBe(false);
});
