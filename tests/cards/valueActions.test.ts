import { cardMessage } from '../../cards/activity';
import { choiceCard } from '../../cards/choices';
import { summaryCard } from '../../cards/summary';
import type { AdaptiveCard, MessageBackData, SubmitAction } from '../../cards/types';
import { QUESTION_VALUE_KEY, stampStep, STEP_VALUE_KEY, valueAction } from '../../cards/valueActions';
import { markPrivacy, privacyMarkOf } from '../../lib/privacy/marks';

const t = (key: string) => key;

function submits(card: AdaptiveCard): SubmitAction[] {
  const found: SubmitAction[] = [];
  for (const element of card.body) if (element.type === 'ActionSet') for (const action of element.actions) if (action.type === 'Action.Submit') found.push(action);
  for (const action of card.actions ?? []) if (action.type === 'Action.Submit') found.push(action);
  return found;
}

describe('buttons that say which question they answer', () => {
  test('a value button sends its title as text, shows it as typed, and carries its value', () => {
    const action = valueAction('ใช่', { step: 'abc' }, 'positive');
    const data = action.data as MessageBackData;
    expect(data.__isBotFrameworkCardAction).toBe(true);
    expect(data.cardAction).toEqual({ type: 'messageBack', title: 'ใช่', text: 'ใช่', displayText: 'ใช่', value: { step: 'abc' } });
    expect(action.style).toBe('positive');
  });

  test('stamping turns every submit button of a card into one that carries the step, wherever it sits', () => {
    const summary = summaryCard('th', t, [{ field: 'subject', label: 'หัวข้อ', value: 'x', editLabel: 'แก้ไขหัวข้อ' }], 'ส่งเรื่อง', 'ยกเลิก');
    const activity = markPrivacy(cardMessage(summary), { secrets: [{ value: '0812345678', shownAs: '081-xxx-5678' }] });
    const stamped = stampStep(activity, { step: 's1', question: 'q1' });
    const card = stamped.attachments![0].content as AdaptiveCard;
    const actions = submits(card);
    expect(actions.map((action) => action.title)).toEqual(['แก้ไขหัวข้อ', 'ส่งเรื่อง', 'ยกเลิก']);
    for (const action of actions) {
      const data = action.data as MessageBackData;
      expect(data.cardAction.text).toBe(action.title);
      expect(data.cardAction.value).toEqual({ [STEP_VALUE_KEY]: 's1', [QUESTION_VALUE_KEY]: 'q1' });
    }
    expect(actions[1].style).toBe('positive');
    // What the privacy middleware reads is kept.
    expect(privacyMarkOf(stamped)?.secrets).toHaveLength(1);
  });

  test('a dropdown\'s submit keeps its value and gains the step', () => {
    const rendered = choiceCard('th', 'Q', Array.from({ length: 12 }, (_, index) => ({ label: `อำเภอ ${index}` })), t);
    const card = stampStep(cardMessage(rendered), { step: 's2', question: 'q2' }).attachments![0].content as AdaptiveCard;
    expect(submits(card).map((action) => action.data)).toEqual([{ [STEP_VALUE_KEY]: 's2', [QUESTION_VALUE_KEY]: 'q2' }]);
  });

  test('a message without a card is left as it is', () => {
    const message = { type: 'message', text: 'hi' };
    expect(stampStep(message, { step: 's3', question: 'q3' })).toEqual({ type: 'message', text: 'hi' });
  });
});
