import type { ComplaintDraft } from '../../lib/complaints/types';
import { ANONYMOUS_DRAFT, NAMED_DRAFT } from '../helpers/drafts';
import { dialogHarness, type Harness, offered, say, turn } from '../helpers/dialogHarness';

/**
 * Tracking a complaint: own complaints shown without a check, however they are asked for; numbers typed loosely
 * or with the request; after a wrong check the number can be corrected too; checks limited per number, and
 * nothing revealed.
 */

/** DialogTestClient's citizen. */
const TEST_USER = 'user1';

async function fileAs(harness: Harness, userId: string, draft: ComplaintDraft = NAMED_DRAFT) {
  return harness.complaints.file({ draft, channelId: 'test', userId, conversation: {}, lang: 'th' });
}

/** Spaces, lower case and Thai digits: how people retype a number from a photo of the receipt. */
function loosely(number: string): string {
  const thaiDigits = '๐๑๒๓๔๕๖๗๘๙';
  return number.toLowerCase().replace(/-/g, ' ').replace(/\d/g, (digit) => thaiDigits[Number(digit)]);
}

/** The same number with its last (check) character changed: a typo. */
function typo(number: string): string {
  const last = number[number.length - 1];
  return `${number.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
}

describe.each(['th', 'en'] as const)('tracking a complaint, in %s', (lang) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await dialogHarness();
  });
  afterEach(async () => harness.close());
  const t = (key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);
  const menuTrack = () => t('menu.track');
  const languageWord = lang === 'th' ? 'ภาษาไทย' : 'English';

  async function start() {
    const client = harness.client();
    await say(client, languageWord);
    return client;
  }

  /** The part of a text before its first placeholder: enough to recognise it whatever fills the placeholders. */
  const opening = (key: string) => t(key, { number: '\u0000', until: '\u0000', left: '\u0000' }).split('\u0000')[0];

  test('own complaints on this channel are listed and shown without a check', async () => {
    const { complaint } = await fileAs(harness, TEST_USER);
    await fileAs(harness, 'someone-else');
    const client = await start();
    const list = await say(client, menuTrack());
    expect(list).toContain(t('track.own.prompt'));
    expect(list).toContain(complaint._id);
    const status = await say(client, '1');
    expect(status).toContain(t('status.title', { number: complaint._id }));
    expect(status).toContain(t('status.received'));
    expect(status).toContain(harness.services.centres.directory.describeDestination({ kind: 'centre', code: '50' }, lang));
  });

  test('a number typed loosely, and the phone\'s last four digits, show the status', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const client = await start();
    expect(await say(client, menuTrack())).toContain(t('track.number.prompt'));
    expect(await say(client, loosely(complaint._id))).toContain(t('track.check.prompt'));
    expect(await say(client, '๕๖๗๘')).toContain(t('status.title', { number: complaint._id }));
  });

  describe('a number typed with the request is taken at once', () => {
    const requests: Array<[string, (number: string) => string]> = [
      ['Thai, with the number as printed', (number) => `ติดตามเรื่อง ${number} ค่ะ`],
      ['English, lower case', (number) => `track ${number.toLowerCase()} please`],
      ['Thai digits and spaces, no space before it', (number) => `ขอดูสถานะเรื่อง${loosely(number)}`],
      ['the number alone', (number) => number],
    ];

    test.each(requests)('someone else\'s complaint: straight to the check (%s)', async (_how, request) => {
      const { complaint } = await fileAs(harness, 'someone-else');
      const client = await start();
      expect(await say(client, request(complaint._id))).toContain(t('track.check.prompt'));
      expect(await say(client, '5678')).toContain(complaint.subject);
    });

    test.each(requests)('their own complaint: its status, with no check at all (%s)', async (_how, request) => {
      const { complaint } = await fileAs(harness, TEST_USER);
      const client = await start();
      const answer = await say(client, request(complaint._id));
      expect(answer).toContain(t('status.title', { number: complaint._id }));
      expect(answer).not.toContain(t('track.check.prompt'));
    });

    test('a mistyped number is said to be mistyped, not asked for again as if never given', async () => {
      const { complaint } = await fileAs(harness, TEST_USER);
      const client = await start();
      const answer = await say(client, `ติดตามเรื่อง ${typo(complaint._id)}`);
      expect(answer).toContain(t('track.number.retry.checksum'));
      expect(answer).not.toContain(t('track.own.prompt'));
      expect(await say(client, complaint._id)).toContain(t('status.title', { number: complaint._id }));
    });

    test('a number typed instead of choosing from the own list is taken too', async () => {
      const { complaint: own } = await fileAs(harness, TEST_USER);
      const { complaint: other } = await fileAs(harness, 'someone-else');
      const client = await start();
      expect(await say(client, menuTrack())).toContain(t('track.own.prompt'));
      expect(await say(client, `ติดตาม ${loosely(other._id)}`)).toContain(t('track.check.prompt'));
      expect(await say(client, '5678')).toContain(t('status.title', { number: other._id }));

      await say(client, menuTrack());
      expect(await say(client, loosely(own._id))).toContain(t('status.title', { number: own._id }));
      await say(client, menuTrack());
      const unclear = await say(client, 'อันที่แจ้งเมื่อวาน');
      expect(unclear).toContain(t('track.own.retry'));
      expect(unclear).toContain(t('track.own.prompt'));
    });
  });

  test('a mistyped number is caught by its check character', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const client = await start();
    await say(client, menuTrack());
    expect(await say(client, typo(complaint._id))).toContain(t('track.number.retry.checksum'));
    expect(await say(client, 'hello')).toContain(t('track.number.retry.format'));
    expect(await say(client, `the number is ${complaint._id}`)).toContain(t('track.check.prompt'));
  });

  describe('after a wrong check, the number can be corrected as well as the digits', () => {
    test('the answer names the number tried, and offers to correct it', async () => {
      const { complaint } = await fileAs(harness, 'someone-else');
      const client = await start();
      await say(client, menuTrack());
      await say(client, complaint._id);
      const replies = await turn(client, '1111');
      const answer = replies.map((reply) => reply.text).join('\n');
      expect(answer).toContain(t('track.check.mismatch', { number: complaint._id, left: 4 }));
      expect(answer).toContain(t('track.check.again'));
      expect(offered(replies)).toContain(t('track.check.changeNumber'));
    });

    test.each([
      ['typing the right number at the check', async (client: Parameters<typeof say>[0], number: string) => say(client, number)],
      ['pressing "correct the number" and typing it', async (client: Parameters<typeof say>[0], number: string) => {
        expect(await say(client, t('track.check.changeNumber'))).toContain(t('track.number.prompt'));
        return say(client, loosely(number));
      }],
    ])('%s', async (_how, correct) => {
      const { complaint: meant } = await fileAs(harness, 'someone-else');
      const { complaint: mistaken } = await fileAs(harness, 'a-neighbour', { ...NAMED_DRAFT, phone: '0899999999' });
      const client = await start();
      await say(client, `ติดตามเรื่อง ${mistaken._id}`);
      expect(await say(client, '5678')).toContain(t('track.check.mismatch', { number: mistaken._id, left: 4 }));
      expect(await correct(client, meant._id)).toContain(t('track.check.prompt'));
      expect(await say(client, '5678')).toContain(t('status.title', { number: meant._id }));
    });

    test('a number mistyped five times over is locked, and the right number still opens', async () => {
      const { complaint: meant } = await fileAs(harness, 'someone-else');
      const { complaint: mistaken } = await fileAs(harness, 'a-neighbour', { ...NAMED_DRAFT, phone: '0899999999' });
      const client = await start();
      await say(client, `ติดตามเรื่อง ${mistaken._id}`);
      for (let left = 4; left >= 1; left -= 1) expect(await say(client, '5678')).toContain(t('track.check.mismatch', { number: mistaken._id, left }));
      expect(await say(client, '5678')).toContain(opening('track.check.locked'));
      await say(client, `ติดตามเรื่อง ${meant._id}`);
      expect(await say(client, '5678')).toContain(t('status.title', { number: meant._id }));
    });
  });

  test('an unknown number gets the same answer as a wrong check: nothing is revealed', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const unknown = (await fileAs(harness, 'third')).complaint._id;
    await harness.store.collection('complaints').deleteOne({ _id: unknown });

    const wrongCheck = await start();
    await say(wrongCheck, menuTrack());
    await say(wrongCheck, complaint._id);
    const a = await say(wrongCheck, '0000');

    const noSuchNumber = harness.client();
    await say(noSuchNumber, languageWord);
    await say(noSuchNumber, `track ${unknown}`);
    const b = await say(noSuchNumber, '5678');
    expect(a).toContain(t('track.check.mismatch', { number: complaint._id, left: 4 }));
    expect(b).toContain(t('track.check.mismatch', { number: unknown, left: 4 }));
    expect(a.replace(complaint._id, '')).toBe(b.replace(unknown, ''));
  });

  test('wrong checks are limited, then the number is locked for a while, even with the right check', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const client = await start();
    await say(client, menuTrack());
    await say(client, complaint._id);
    for (let left = 4; left >= 1; left -= 1) expect(await say(client, '1111')).toContain(t('track.check.mismatch', { number: complaint._id, left }));
    const locked = await say(client, '1111');
    expect(locked).toContain(opening('track.check.locked'));
    expect(locked).toContain(complaint._id);
    const again = harness.client();
    await say(again, languageWord);
    await say(again, `track ${complaint._id}`);
    expect(await say(again, '5678')).not.toContain(complaint.subject);
    harness.clock.advance(31 * 60 * 1000);
    const later = harness.client();
    await say(later, languageWord);
    await say(later, `track ${complaint._id}`);
    expect(await say(later, '5678')).toContain(complaint.subject);
  });

  test('no lock ever stands between a citizen and the complaints filed on their own channel', async () => {
    const { complaint: own } = await fileAs(harness, TEST_USER);
    const others = await Promise.all(Array.from({ length: 4 }, (_, n) => fileAs(harness, `neighbour-${n}`)));
    const client = await start();
    // Guessing at other people's numbers until this citizen is locked out of checking any number…
    let locked = '';
    for (const { complaint } of others) {
      await say(client, `ติดตามเรื่อง ${complaint._id}`);
      for (let attempt = 0; attempt < 5 && locked === ''; attempt += 1) {
        const answer = await say(client, '0000');
        if (answer.includes(opening('track.check.lockedRequester'))) locked = answer;
        if (answer.includes(opening('track.check.locked'))) break;
      }
      if (locked) break;
    }
    expect(locked).toContain(opening('track.check.lockedRequester'));
    // …and their own number locked for everyone by someone else's guessing.
    for (let guess = 0; guess < 5; guess += 1) await harness.complaints.verify(own._id, '0000', `stranger-${guess}`);
    expect(await harness.complaints.verify(own._id, '5678', 'stranger-5')).toMatchObject({ kind: 'locked' });

    // Their own complaint is still listed, chosen, and found by its number typed with the request.
    const list = await say(client, menuTrack());
    expect(list).toContain(own._id);
    expect(await say(client, '1')).toContain(t('status.title', { number: own._id }));
    expect(await say(client, `ติดตามเรื่อง ${own._id}`)).toContain(t('status.title', { number: own._id }));
    await say(client, menuTrack());
    await say(client, t('track.own.other'));
    expect(await say(client, own._id)).toContain(t('status.title', { number: own._id }));
  });

  test('an anonymous filer tracks with the PIN', async () => {
    const { complaint, pin } = await fileAs(harness, 'anonymous-citizen', ANONYMOUS_DRAFT);
    const client = await start();
    await say(client, menuTrack());
    await say(client, complaint._id);
    expect(await say(client, '5678')).toContain(t('track.check.mismatch', { number: complaint._id, left: 4 }));
    expect(await say(client, pin as string)).toContain(t('status.title', { number: complaint._id }));
  });
});
