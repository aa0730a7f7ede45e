import { Transcript } from '../../../lib/handoff/transcript';
import { openTempStore } from '../../helpers/tempStore';

describe('Transcript', () => {
  test('keeps every speaker in order, bounds what it keeps, and tracks delivery', async () => {
    const { store, close } = await openTempStore();
    let now = 10;
    const transcript = new Transcript(store, () => now);
    await transcript.add({ conversationKey: 'k', speaker: 'bot', text: 'สวัสดีค่ะ' });
    now = 20;
    await transcript.add({ conversationKey: 'k', speaker: 'citizen', text: 'x'.repeat(20_000), attachments: [{ contentType: 'image/png', url: 'https://example.com/a.png' }] });
    now = 30;
    const reply = await transcript.add({ conversationKey: 'k', speaker: 'officer', officerId: 'o1', text: 'รับทราบค่ะ', delivery: 'pending' });
    await transcript.add({ conversationKey: 'other', speaker: 'citizen', text: 'hi' });
    const history = await transcript.history('k');
    expect(history.map((message) => message.speaker)).toEqual(['bot', 'citizen', 'officer']);
    expect(history[1].text).toHaveLength(10_000);
    expect(await transcript.history('k', { after: 20 })).toHaveLength(1);
    expect((await transcript.pending()).map((message) => message._id)).toEqual([reply._id]);
    await transcript.markDelivery(reply._id, 'undeliverable', 'CHANNEL_NOT_REGISTERED');
    expect(await transcript.pending()).toEqual([]);
    expect((await transcript.history('k'))[2]).toMatchObject({ delivery: 'undeliverable', failure: 'CHANNEL_NOT_REGISTERED' });
    await close();
  });
});
