import type { Activity } from 'botbuilder';
import { SET_LANGUAGE_EVENT } from '../../bot/bot';
import { type Conversation, dialogHarness, type Harness, said, turn } from '../helpers/dialogHarness';

/**
 * A question left for officers at a centre without officer accounts (Hang Dong), then the chat page switched to
 * the other language: every reply follows the switch, a clear request is handled as one with the question kept,
 * and only what is clearly more of the question is added to it.
 */

type Lang = 'th' | 'en';

const QUESTION = 'อยากทราบว่าจะมีคนมาซ่อมถนนเมื่อไหร่คะ';
const THAI = /[\u0E00-\u0E7F]/;

let harness: Harness;
beforeEach(async () => {
  harness = await dialogHarness();
});
afterEach(async () => harness.close());

const t = (lang: Lang, key: string, vars?: Record<string, string | number>) => harness.content.get(lang, key, vars);
const text = (replies: Array<Partial<Activity>>) => replies.map(said).filter(Boolean).join('\n');

/** On the Thai chat page: asks for an officer, chooses Hang Dong's centre, leaves a question. */
async function questionLeft(): Promise<Conversation> {
  const citizen = harness.citizen();
  await turn(citizen, { type: 'conversationUpdate', locale: 'th-TH', membersAdded: [{ id: 'user', name: '' }] });
  expect(text(await turn(citizen, 'ขอคุยกับเจ้าหน้าที่'))).toContain(t('th', 'handoff.destination.prompt'));
  await turn(citizen, 'หางดง');
  const centre = harness.services.centres.directory.describeDestination({ kind: 'centre', code: '5015' }, 'th');
  expect(text(await turn(citizen, 'ใช่'))).toContain(t('th', 'handoff.unstaffed.prompt', { centre }));
  expect(text(await turn(citizen, QUESTION))).toContain(t('th', 'handoff.question.recordedSoon'));
  return citizen;
}

/** The page's language switch: an event, as bot/web/page sends it. */
async function switchPage(citizen: Conversation, lang: Lang): Promise<void> {
  expect(text(await turn(citizen, { type: 'event', name: SET_LANGUAGE_EVENT, value: lang }))).toBe(t(lang, 'language.set'));
}

/** What officers have of the citizen's question: their messages in the conversation's transcript. */
async function questionForOfficers(): Promise<string[]> {
  const [item] = await harness.handoffs.queue('all');
  expect(item?.state).toBe('queued');
  const conversation = await harness.handoffs.conversation(item.id, 'all');
  return (conversation?.messages ?? []).filter((message) => message.speaker === 'citizen').map((message) => message.text ?? '');
}

describe('a question left for officers, then the page switched to the other language', () => {
  // What the bot answers: the tracking flow's question, or the question bank's answer about tracking.
  const requests: Array<[Lang, string, (lang: Lang) => string]> = [
    ['en', 'how do i track my complaint', (lang) => harness.services.faq.entry('tracking')!.answer[lang]],
    ['en', 'track my complaint', (lang) => t(lang, 'track.number.prompt')],
    ['th', 'ติดตามเรื่อง', (lang) => t(lang, 'track.number.prompt')],
    ['th', 'ติดตามเรื่องร้องเรียนยังไงคะ', (lang) => harness.services.faq.entry('tracking')!.answer[lang]],
  ];

  test.each(requests)('page in %s: %j is handled as a request, in that language, and the question is kept as it was', async (lang, message, answer) => {
    const citizen = await questionLeft();
    if (lang === 'en') await switchPage(citizen, 'en');
    const replies = text(await turn(citizen, message));
    expect(replies).toContain(t(lang, 'handoff.question.kept'));
    expect(replies).toContain(answer(lang));
    expect(replies).not.toContain(t(lang, 'handoff.question.addedSoon'));
    if (lang === 'en') expect(replies).not.toMatch(THAI);
    expect(await questionForOfficers()).toEqual([QUESTION]);
  });

  test('the flow begun over the question takes its next answer; the question still waits', async () => {
    const citizen = await questionLeft();
    await switchPage(citizen, 'en');
    expect(text(await turn(citizen, 'track my complaint'))).toContain(t('en', 'track.number.prompt'));
    const replies = text(await turn(citizen, 'DD-2569-7K3Q9XR'));
    expect(replies).not.toContain(t('en', 'handoff.question.addedSoon'));
    expect(replies).not.toContain(t('en', 'handoff.question.kept'));
    expect(replies).not.toMatch(THAI);
    expect(await questionForOfficers()).toEqual([QUESTION]);
  });

  const stillWriting: Array<[Lang, string]> = [
    ['en', 'It is the road in front of the school, soi 5'],
    ['th', 'เป็นถนนหน้าโรงเรียน ซอย 5 ค่ะ'],
  ];

  test.each(stillWriting)('page in %s: %j is more of the question, added to it, and said so in that language', async (lang, message) => {
    const citizen = await questionLeft();
    if (lang === 'en') await switchPage(citizen, 'en');
    expect(text(await turn(citizen, message))).toBe(t(lang, 'handoff.question.addedSoon'));
    expect(await questionForOfficers()).toEqual([QUESTION, message]);
  });

  test('"cancel" still withdraws the question, in the page\'s language', async () => {
    const citizen = await questionLeft();
    await switchPage(citizen, 'en');
    expect(text(await turn(citizen, 'cancel'))).toContain(t('en', 'handoff.cancelled'));
    expect(await harness.handoffs.queue('all')).toEqual([]);
  });
});
