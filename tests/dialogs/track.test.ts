import type { ComplaintDraft } from '../../lib/complaints/types';
import { ANONYMOUS_DRAFT, NAMED_DRAFT } from '../helpers/drafts';
import { dialogHarness, type Harness, say } from '../helpers/dialogHarness';

/** Tracking a complaint: own complaints listed, numbers typed loosely, checks limited, nothing revealed. */

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

  async function start() {
    const client = harness.client();
    await say(client, lang === 'th' ? 'ภาษาไทย' : 'English');
    return client;
  }

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

  test('a tracking number in a sentence goes straight to the check', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const client = await start();
    expect(await say(client, `ติดตามเรื่อง ${complaint._id} ค่ะ`)).toContain(t('track.check.prompt'));
    expect(await say(client, '5678')).toContain(complaint.subject);
  });

  test('a mistyped number is caught by its check character', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const client = await start();
    await say(client, menuTrack());
    expect(await say(client, typo(complaint._id))).toContain(t('track.number.retry.checksum'));
    expect(await say(client, 'hello')).toContain(t('track.number.retry.format'));
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
    await say(noSuchNumber, lang === 'th' ? 'ภาษาไทย' : 'English');
    await say(noSuchNumber, `track ${unknown}`);
    const b = await say(noSuchNumber, '5678');
    expect(a).toContain(t('track.check.mismatch', { left: 4 }));
    // The second conversation is the same citizen (same user id), so the requester's count is already one down.
    expect(b).toContain(t('track.check.mismatch', { left: 3 }));
    expect(a.replace(/\d/g, '')).toBe(b.replace(/\d/g, ''));
  });

  test('wrong checks are limited, then tracking is locked for a while, even with the right check', async () => {
    const { complaint } = await fileAs(harness, 'someone-else');
    const client = await start();
    await say(client, menuTrack());
    await say(client, complaint._id);
    for (let left = 4; left >= 1; left -= 1) expect(await say(client, '1111')).toContain(t('track.check.mismatch', { left }));
    const locked = await say(client, '1111');
    expect(locked).toContain(t('track.check.locked', { until: '' }).split('{until}')[0].slice(0, 20));
    const again = harness.client();
    await say(again, lang === 'th' ? 'ภาษาไทย' : 'English');
    await say(again, `track ${complaint._id}`);
    expect(await say(again, '5678')).not.toContain(complaint.subject);
    harness.clock.advance(31 * 60 * 1000);
    const later = harness.client();
    await say(later, lang === 'th' ? 'ภาษาไทย' : 'English');
    await say(later, `track ${complaint._id}`);
    expect(await say(later, '5678')).toContain(complaint.subject);
  });

  test('an anonymous filer tracks with the PIN', async () => {
    const { complaint, pin } = await fileAs(harness, 'anonymous-citizen', ANONYMOUS_DRAFT);
    const client = await start();
    await say(client, menuTrack());
    await say(client, complaint._id);
    expect(await say(client, '5678')).toContain(t('track.check.mismatch', { left: 4 }));
    expect(await say(client, pin as string)).toContain(t('status.title', { number: complaint._id }));
  });
});
