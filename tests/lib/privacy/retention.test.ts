import { DirectLineLog } from '../../../lib/directline/log';
import { HandoffRepository } from '../../../lib/handoff/handoffs';
import { HandoffNotes } from '../../../lib/handoff/notes';
import { Transcript } from '../../../lib/handoff/transcript';
import { purgeExpired } from '../../../lib/privacy/retention';
import { SensitivePrompts } from '../../../lib/privacy/sensitivePrompts';
import type { Store } from '../../../lib/store/types';
import { openTempStore } from '../../helpers/tempStore';

const DAY = 24 * 60 * 60 * 1000;

describe('retention of what citizens said', () => {
  let store: Store;
  let close: () => Promise<void>;
  let now: number;
  const clock = () => now;
  beforeEach(async () => {
    ({ store, close } = await openTempStore());
    now = Date.UTC(2026, 0, 1);
  });
  afterEach(async () => close());

  test('deletes logs, transcripts, officers\' notes, ended handoffs and open questions older than their time, and nothing younger', async () => {
    const log = new DirectLineLog(store, clock);
    const transcript = new Transcript(store, clock);
    const handoffs = new HandoffRepository(store, clock);
    const prompts = new SensitivePrompts(store, clock);
    const notes = new HandoffNotes(store, clock);
    const targets = { directLineLog: log, transcript, notes, handoffs, prompts };
    const policy = { directLineDays: 30, transcriptDays: 60 };
    const request = (key: string) => ({ key, kind: 'live' as const, centreCode: '50', reason: 'ถนนพัง', lang: 'th' as const, channelId: 'directline', conversation: {} });

    // Day 0: an old conversation, with a handoff that ends, and a question left open.
    await log.open('old-conversation', 'dl_old');
    await log.append('old-conversation', () => ({ type: 'message', text: 'x-xxxx-xxxx0-70-8' }));
    await transcript.add({ conversationKey: 'directline/old-conversation', speaker: 'citizen', text: 'ถนนพัง' });
    await notes.add({ conversationKey: 'directline/old-conversation', officerId: 'officer-1', text: 'ผู้ร้องขอให้โทรกลับ' });
    await handoffs.request(request('directline/old-conversation'));
    await handoffs.close('directline/old-conversation', 'officer-1');
    await handoffs.request(request('directline/still-waiting'));
    await prompts.asked('directline/old-conversation', 'nationalId');

    // Day 45: a newer conversation.
    now += 45 * DAY;
    await log.open('new-conversation', 'dl_new');
    await log.append('new-conversation', () => ({ type: 'message', text: 'สวัสดี' }));
    await transcript.add({ conversationKey: 'directline/new-conversation', speaker: 'citizen', text: 'สวัสดี' });
    await notes.add({ conversationKey: 'directline/new-conversation', officerId: 'officer-1', text: 'รอเอกสาร' });

    // Day 50: the Direct Line log of day 0 is past 30 days; transcripts are kept 60.
    now += 5 * DAY;
    expect(await purgeExpired(targets, policy, now)).toEqual({ activities: 1, conversations: 1, messages: 0, notes: 0, handoffs: 0, prompts: 1 });
    expect(await log.get('old-conversation')).toBeNull();
    expect((await log.since('new-conversation', 0)).activities).toHaveLength(1);
    expect(await prompts.pending('directline/old-conversation')).toBeUndefined();

    // Day 70: the transcript and the ended handoff of day 0 go; a citizen still waiting is never purged.
    now += 20 * DAY;
    expect(await purgeExpired(targets, policy, now)).toEqual({ activities: 0, conversations: 0, messages: 1, notes: 1, handoffs: 1, prompts: 0 });
    expect(await transcript.history('directline/old-conversation')).toEqual([]);
    expect(await transcript.history('directline/new-conversation')).toHaveLength(1);
    expect((await notes.list('directline/old-conversation')).length).toBe(0);
    expect((await notes.list('directline/new-conversation')).map((note) => note.text)).toEqual(['รอเอกสาร']);
    expect(await handoffs.get('directline/old-conversation')).toBeNull();
    expect(await handoffs.get('directline/still-waiting')).toMatchObject({ state: 'queued' });
  });
});
