import { COMPLAINTS_COLLECTION, ComplaintService, missingFields } from '../../../lib/complaints/service';
import { generateTrackingNumber } from '../../../lib/complaints/trackingNumber';
import type { Store } from '../../../lib/store/types';
import { ANONYMOUS_DRAFT, NAMED_DRAFT } from '../../helpers/drafts';
import { openTempStore } from '../../helpers/tempStore';

const DRAFT = NAMED_DRAFT;

describe('ComplaintService', () => {
  let store: Store;
  let close: () => Promise<void>;
  let now: number;
  let service: ComplaintService;
  beforeEach(async () => {
    ({ store, close } = await openTempStore());
    now = Date.UTC(2026, 10, 23, 3);
    service = new ComplaintService(store, { hashingKey: 'k'.repeat(40), now: () => now });
  });
  afterEach(async () => close());

  const file = (userId = 'u1', draft = DRAFT) => service.file({ draft, channelId: 'line', userId, conversation: { conversation: { id: 'c' } }, lang: 'th' });

  test('files with a tracking number, a receipt timeline and a pending forwarding job, in one document', async () => {
    const { complaint, pin } = await file();
    expect(pin).toBeUndefined();
    const stored = await store.collection(COMPLAINTS_COLLECTION).findOne({ _id: complaint._id });
    expect(stored).toEqual(complaint);
    expect(complaint.timeline).toEqual([{ at: now, status: 'received', by: 'citizen' }]);
    expect(complaint.forwarding).toEqual([{ target: DRAFT.destination, state: 'pending', attempts: 0, idempotencyKey: expect.any(String), createdAt: now }]);
    expect(complaint.owner).toEqual({ channelId: 'line', userKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(complaint)).not.toContain('u1');
  });

  test('refuses an incomplete draft', async () => {
    await expect(file('u1', { ...DRAFT, consent: null })).rejects.toMatchObject({ code: 'COMPLAINT_INCOMPLETE' });
    await expect(file('u1', { ...DRAFT, phone: undefined })).rejects.toMatchObject({ code: 'COMPLAINT_INCOMPLETE' });
  });

  test('draws another number when one is taken', async () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    let i = 0;
    const unlucky = new ComplaintService(store, { hashingKey: 'k'.repeat(40), now: () => now, random: () => draws[i++] ?? 2 });
    const first = await unlucky.file({ draft: DRAFT, channelId: 'line', userId: 'a', conversation: {}, lang: 'th' });
    i = 0;
    const second = await unlucky.file({ draft: DRAFT, channelId: 'line', userId: 'b', conversation: {}, lang: 'th' });
    expect(second.complaint._id).not.toBe(first.complaint._id);
  });

  test('lists a citizen\'s own complaints on a channel, newest first, and no one else\'s', async () => {
    const older = await file('u1');
    now += 1000;
    const newer = await file('u1');
    await file('u2');
    expect((await service.listOwn('line', 'u1')).map((c) => c._id)).toEqual([newer.complaint._id, older.complaint._id]);
    expect(await service.listOwn('facebook', 'u1')).toEqual([]);
    expect(await service.getOwn(older.complaint._id, 'line', 'u2')).toBeUndefined();
  });

  test('verifies with the phone\'s last four digits, or the PIN for anonymous filers', async () => {
    const named = await file();
    expect((await service.verify(named.complaint._id, '5678', 'r1')).kind).toBe('ok');
    expect((await service.verify(named.complaint._id, '1234', 'r1')).kind).toBe('mismatch');
    const anonymous = await file('u9', ANONYMOUS_DRAFT);
    expect(anonymous.pin).toMatch(/^\d{6}$/);
    expect((await service.verify(anonymous.complaint._id, anonymous.pin as string, 'r2')).kind).toBe('ok');
    expect(JSON.stringify(anonymous.complaint)).not.toContain(anonymous.pin as string);
  });

  test('locks a number after five wrong checks, for everyone, for 30 minutes', async () => {
    const { complaint } = await file();
    for (let i = 0; i < 4; i += 1) expect(await service.verify(complaint._id, '0000', `guesser-${i}`)).toMatchObject({ kind: 'mismatch' });
    expect(await service.verify(complaint._id, '0000', 'guesser-4')).toEqual({ kind: 'locked', until: now + 30 * 60_000, scope: 'number' });
    expect(await service.verify(complaint._id, '5678', 'owner')).toEqual({ kind: 'locked', until: now + 30 * 60_000, scope: 'number' });
    now += 30 * 60_000 + 1;
    expect((await service.verify(complaint._id, '5678', 'owner')).kind).toBe('ok');
  });

  test('locks a requester who tries many numbers, after three numbers\' worth of wrong checks', async () => {
    const numbers = await Promise.all(Array.from({ length: 16 }, (_, n) => file(`u${n}`)));
    for (const { complaint } of numbers.slice(0, 14)) expect((await service.verify(complaint._id, '0000', 'scanner')).kind).toBe('mismatch');
    expect(await service.verify(numbers[14].complaint._id, '0000', 'scanner')).toEqual({ kind: 'locked', until: now + 30 * 60_000, scope: 'requester' });
    expect(await service.verify(numbers[15].complaint._id, '5678', 'scanner')).toMatchObject({ kind: 'locked', scope: 'requester' });
    // Anyone else still checks those numbers: each had one wrong check only.
    expect((await service.verify(numbers[15].complaint._id, '5678', 'owner')).kind).toBe('ok');
  });

  test('a citizen who mistyped the number, then typed the right one, is not locked out of it', async () => {
    const { complaint } = await file();
    // A number that passes its checksum but is not theirs (nobody's, here): what a misread receipt gives.
    const mistyped = generateTrackingNumber(2569);
    for (let i = 0; i < 4; i += 1) expect((await service.verify(mistyped, '5678', 'citizen')).kind).toBe('mismatch');
    expect(await service.verify(mistyped, '5678', 'citizen')).toMatchObject({ kind: 'locked', scope: 'number' });
    expect(await service.verify(complaint._id, '5678', 'citizen')).toMatchObject({ kind: 'ok' });
  });

  test('counts parallel guesses one by one', async () => {
    const { complaint } = await file();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => service.verify(complaint._id, '0000', `p${i}`)));
    expect(results.filter((result) => result.kind === 'mismatch')).toHaveLength(4);
  });

  test('forgets wrong checks after the window', async () => {
    const { complaint } = await file();
    for (let i = 0; i < 4; i += 1) await service.verify(complaint._id, '0000', 'r');
    now += 16 * 60_000;
    expect(await service.verify(complaint._id, '0000', 'r')).toEqual({ kind: 'mismatch', left: 4 });
  });
});

describe('missingFields', () => {
  test('asks in order, skips contact for the anonymous, and asks named contact where anonymity is not offered', () => {
    expect(missingFields({}, false)).toEqual(['categoryId', 'destination', 'subject', 'description', 'attachments', 'place', 'when', 'name', 'phone', 'email', 'nationalId', 'consent']);
    expect(missingFields({}, true)).toContain('contactMode');
    expect(missingFields(ANONYMOUS_DRAFT, true)).toEqual([]);
    expect(missingFields(ANONYMOUS_DRAFT, false)).toEqual(['name', 'phone']);
    expect(missingFields(DRAFT, false)).toEqual([]);
  });
});
