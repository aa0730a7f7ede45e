import { cardMessage, textMessage } from '../../cards/activity';
import type { Translate } from '../../cards/card';
import { choiceCard, EMPHASISED_QUESTION_MAX, MAX_BUTTONS } from '../../cards/choices';
import { escapeMarkdown } from '../../cards/escape';
import { centreAnswerCard, faqAnswerCard, faqCandidatesCard } from '../../cards/faq';
import { valueAction } from '../../cards/valueActions';
import { menuCard } from '../../cards/menu';
import { receiptCard } from '../../cards/receipt';
import { statusCard } from '../../cards/status';
import { summaryCard } from '../../cards/summary';
import type { RenderedCard } from '../../cards/types';
import { SEED_CONTENT } from '../../lib/content/seed';
import type { Lang } from '../../lib/i18n/language';

// The npm package's ES module build does not load in Node; its UMD bundle is the same library.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Parses a card with the Adaptive Cards library and returns every parse and validation problem. */
function problems(rendered: RenderedCard): string[] {
  // The library checks `lang` with a global (/g) regular expression, whose lastIndex carries over from one
  // test to the next and fails every other valid value; reset it so that each card is judged on its own.
  (AC.CardElement.langProperty as unknown as { regEx?: RegExp }).regEx!.lastIndex = 0;
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(rendered.card, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) found.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) found.push(event.message);
  if (card.getJsonTypeName() !== 'AdaptiveCard') found.push('not an AdaptiveCard');
  return found;
}

const translate = (lang: Lang): Translate => (key, vars) =>
  SEED_CONTENT.messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));

const HOSTILE = '**bold** [click](javascript:alert(1)) <img src=x onerror=alert(1)> _x_ # heading';

function allCards(lang: Lang): Array<[string, RenderedCard]> {
  const t = translate(lang);
  return [
    ['menu', menuCard(lang, t)],
    ['menu with an intro', menuCard(lang, t, t('menu.notUnderstood'))],
    ['choices as buttons', choiceCard(lang, t('complaint.category.prompt'), [{ label: 'A', detail: HOSTILE }, { label: 'B' }], t)],
    ['choices as a dropdown', choiceCard(lang, t('complaint.destination.district.prompt', { province: 'เชียงใหม่' }), Array.from({ length: 25 }, (_, i) => ({ label: `อำเภอ ${i}` })), t)],
    ['summary', summaryCard(lang, t, [
      { field: 'subject', label: t('field.subject'), value: HOSTILE, editLabel: 'แก้ไขหัวข้อ' },
      { field: 'description', label: t('field.description'), value: 'line 1\nline 2', editLabel: 'แก้ไขรายละเอียด' },
    ], t('complaint.summary.confirm'), t('complaint.summary.cancel'))],
    ['receipt', receiptCard(lang, t, { number: 'DD-2569-7K3Q9XR', destination: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', receivedOn: '24 พฤศจิกายน 2569' })],
    ['receipt with a PIN', receiptCard(lang, t, { number: 'DD-2569-7K3Q9XR', destination: 'X', receivedOn: 'Y', pin: '012345' })],
    ['status', statusCard(lang, t, {
      number: 'DD-2569-7K3Q9XR',
      subject: HOSTILE,
      status: t('status.received'),
      responsible: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่',
      lastUpdate: '24 พฤศจิกายน 2569',
      timeline: [{ when: '24 พฤศจิกายน 2569 10:00', status: t('status.received'), note: HOSTILE }],
    })],
    ['faq answer', faqAnswerCard(lang, t, { question: 'Q?', answer: 'A.', links: [{ title: 'Site', url: 'https://www.damrongdham.moi.go.th' }] })],
    ['faq answer with feedback and next steps', faqAnswerCard(lang, t, { question: 'Q?', answer: 'A.', links: [{ title: 'Site', url: 'https://www.damrongdham.moi.go.th' }] }, {
      feedback: [valueAction(t('faq.helpful.yes'), { faqFeedback: 'yes' }), valueAction(t('faq.helpful.no'), { faqFeedback: 'no' })],
      next: [valueAction(t('menu.file'), { next: 'file' }), valueAction(t('menu.officer'), { next: 'officer' }), valueAction(t('faq.next.ask'), { next: 'faq' })],
    })],
    ['a centre\'s contact', centreAnswerCard(lang, t, { name: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', address: 'ศาลากลางจังหวัดเชียงใหม่', phone: '1567', mapUrl: 'https://www.google.com/maps/search/?api=1&query=x' }, { next: [valueAction(t('faq.next.ask'), { next: 'faq' })] })],
    ['questions to choose from', faqCandidatesCard(lang, t, [valueAction('Q1?', { faqEntry: 'a' }), valueAction('Q2?', { faqEntry: 'b' })], [valueAction(t('faq.next.ask'), { next: 'faq' })])],
  ];
}

describe.each(['th', 'en'] as const)('cards in %s', (lang) => {
  test.each(allCards(lang))('%s is a valid Adaptive Card 1.5 with a plain-text fallback', (_name, rendered) => {
    expect(problems(rendered)).toEqual([]);
    expect(rendered.card.version).toBe('1.5');
    expect(rendered.card.lang).toBe(lang);
    expect(rendered.fallbackText.trim().length).toBeGreaterThan(0);
    expect(rendered.card.fallbackText).toBe(rendered.fallbackText);
  });
});

describe('untrusted text in cards', () => {
  test('is escaped wherever it is shown, so Markdown in it shows as typed', () => {
    const t = translate('en');
    const status = statusCard('en', t, { number: 'N', subject: HOSTILE, status: 'S', responsible: 'R', lastUpdate: 'L', timeline: [] });
    // The body is rendered as Markdown and must be escaped; fallbackText is plain text and stays as typed.
    const json = JSON.stringify(status.card.body);
    expect(json).not.toContain('**bold**');
    expect(json).not.toContain('[click](javascript');
    expect(json).toContain(JSON.stringify(escapeMarkdown(HOSTILE)).slice(1, -1));
  });

  test('escapeMarkdown escapes every Markdown character and nothing else', () => {
    expect(escapeMarkdown('a*b_c[d](e)#f`g\\h')).toBe('a\\*b\\_c\\[d\\]\\(e\\)\\#f\\`g\\\\h');
    expect(escapeMarkdown('ถนนพัง 123')).toBe('ถนนพัง 123');
  });

  test('the plain-text fallback keeps the citizen\'s text unescaped', () => {
    const t = translate('th');
    const summary = summaryCard('th', t, [{ field: 'subject', label: 'หัวข้อ', value: '081-234-5678 *ด่วน*' }], 'ส่ง', 'ยกเลิก');
    expect(summary.fallbackText).toContain('081-234-5678 *ด่วน*');
  });
});

describe('choice cards', () => {
  const t = translate('th');

  test(`up to ${MAX_BUTTONS} options are buttons that send their label`, () => {
    const card = choiceCard('th', 'Q', [{ label: 'หนึ่ง' }, { label: 'สอง' }], t).card;
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'หนึ่ง', data: 'หนึ่ง' },
      { type: 'Action.Submit', title: 'สอง', data: 'สอง' },
    ]);
  });

  test('more options become one dropdown, and the fallback numbers them', () => {
    const options = Array.from({ length: MAX_BUTTONS + 1 }, (_, i) => ({ label: `option ${i + 1}` }));
    const rendered = choiceCard('th', 'Q', options, t);
    expect(rendered.card.body.some((element) => element.type === 'Input.ChoiceSet')).toBe(true);
    expect(rendered.fallbackText).toContain(`${MAX_BUTTONS + 1}. option ${MAX_BUTTONS + 1}`);
  });
});

describe('choice questions', () => {
  const t = translate('th');

  test.each([
    ['a short question is emphasised', 'complaint.category.prompt', 'Bolder'],
    ['a confirmation is emphasised', 'complaint.summary.prompt', 'Bolder'],
    ['the consent, mostly explanation, is plain text', 'complaint.consent.prompt', undefined],
    ['the choice of how to be contacted, mostly explanation, is plain text', 'complaint.contactMode.prompt', undefined],
  ])('%s', (_name, key, weight) => {
    for (const lang of ['th', 'en'] as const) {
      const question = translate(lang)(key, { privacyUrl: 'https://example.org/privacy' });
      const rendered = choiceCard(lang, question, [{ label: 'A' }, { label: 'B' }], t);
      const block = rendered.card.body.find((element) => element.type === 'TextBlock' && element.text === question);
      expect(block).toBeDefined();
      expect(block?.type === 'TextBlock' ? block.weight : 'missing').toBe(weight);
    }
  });

  test(`the line is drawn at ${EMPHASISED_QUESTION_MAX} characters`, () => {
    const weightOf = (question: string) => {
      const block = choiceCard('th', question, [{ label: 'A' }], t).card.body[0];
      return block.type === 'TextBlock' ? block.weight : 'missing';
    };
    expect(weightOf('ก'.repeat(EMPHASISED_QUESTION_MAX))).toBe('Bolder');
    expect(weightOf('ก'.repeat(EMPHASISED_QUESTION_MAX + 1))).toBeUndefined();
  });
});

describe('the receipt', () => {
  test.each(['th', 'en'] as const)('shows the tracking number once, large, under its label (%s)', (lang) => {
    const t = translate(lang);
    const number = 'DD-2569-7K3Q9XR';
    for (const pin of [undefined, '482913']) {
      const rendered = receiptCard(lang, t, { number, destination: 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', receivedOn: '24 พฤศจิกายน 2569', ...(pin ? { pin } : {}) });
      expect(JSON.stringify(rendered.card.body).split(number)).toHaveLength(2);
      const at = rendered.card.body.findIndex((element) => element.type === 'TextBlock' && element.text === number);
      expect(rendered.card.body[at]).toMatchObject({ size: 'ExtraLarge', weight: 'Bolder' });
      expect(rendered.card.body[at - 1]).toMatchObject({ type: 'TextBlock', text: t('receipt.number') });
      expect(rendered.fallbackText.split(number)).toHaveLength(2);
      expect(rendered.fallbackText).toContain(`${t('receipt.number')}: ${number}`);
      // Where it went and when stay as facts; an anonymous filer's PIN is one of them.
      const facts = rendered.card.body.find((element) => element.type === 'FactSet');
      expect(facts?.type === 'FactSet' ? facts.facts.map((fact) => fact.title) : []).toEqual([t('receipt.destination'), t('receipt.date'), ...(pin ? [t('receipt.pin')] : [])]);
    }
  });
});

describe('activities', () => {
  test('a card message carries the card alone: its choices are its buttons, not repeated as suggested actions', () => {
    const rendered = menuCard('th', translate('th'));
    const activity = cardMessage(rendered);
    expect(activity.attachments?.[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', content: rendered.card });
    expect(activity.attachments).toHaveLength(1);
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.summary).toBe(rendered.fallbackText.split('\n')[0]);
    // The menu's choices are there once, as the card's buttons, and numbered in the text for channels without cards.
    const labels = rendered.card.actions?.map((action) => action.title) ?? [];
    expect(labels).toHaveLength(5);
    for (const [index, label] of labels.entries()) expect(rendered.fallbackText).toContain(`${index + 1}. ${label}`);
  });

  test('a text message is plain text, so echoed citizen text is never read as Markdown', () => {
    expect(textMessage('*x*')).toMatchObject({ type: 'message', text: '*x*', textFormat: 'plain' });
  });
});
