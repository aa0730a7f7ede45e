import { card, facts, text, title, type Translate } from './card';
import type { CardAction, CardElement, RenderedCard, SubmitAction } from './types';

export interface FaqAnswerData {
  question: string;
  answer: string;
  links: ReadonlyArray<{ title: string; url: string }>;
  images?: ReadonlyArray<{ url: string; altText: string }>;
}

/**
 * What an answer offers besides itself: "did this help?" (optional: a citizen may as well ask the next
 * question) and the next steps (file a complaint on the topic, talk to an officer, ask something else).
 * Both are buttons that work whenever pressed: no question waits for them.
 */
export interface AnswerOffers {
  feedback?: readonly SubmitAction[];
  next: readonly SubmitAction[];
}

function offerElements(t: Translate, offers: AnswerOffers): CardElement[] {
  return [
    ...(offers.feedback && offers.feedback.length > 0
      ? [text(t('faq.helpful.prompt'), { spacing: 'Medium', isSubtle: true }), { type: 'ActionSet' as const, actions: [...offers.feedback] }]
      : []),
  ];
}

function offerFallback(t: Translate, offers: AnswerOffers): string[] {
  return [
    '',
    ...(offers.feedback && offers.feedback.length > 0 ? [`${t('faq.helpful.prompt')} ${offers.feedback.map((action) => action.title).join(' / ')}`] : []),
    ...offers.next.map((action) => `- ${action.title}`),
  ];
}

/** An answer from the question bank. Bank texts are admin content (trusted); links open in the browser. */
export function faqAnswerCard(lang: string, t: Translate, data: FaqAnswerData, offers: AnswerOffers = { next: [] }): RenderedCard {
  const links: CardAction[] = data.links.map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url }));
  const fallback = [
    data.question,
    '',
    data.answer,
    ...(data.links.length > 0 ? ['', `${t('faq.links')}:`, ...data.links.map((link) => `${link.title}: ${link.url}`)] : []),
    ...offerFallback(t, offers),
  ].join('\n');
  return card(
    lang,
    [
      title(data.question),
      text(data.answer),
      ...(data.images ?? []).map((image) => ({ type: 'Image' as const, url: image.url, altText: image.altText, size: 'Stretch' as const })),
      ...(links.length > 0 ? [{ type: 'ActionSet' as const, actions: links }] : []),
      ...offerElements(t, offers),
    ],
    fallback,
    [...offers.next],
  );
}

export interface CentreAnswerData {
  name: string;
  address: string;
  phone: string;
  mapUrl: string;
}

/** A question about one centre ("where is the Chiang Mai centre?"), answered for that centre. */
export function centreAnswerCard(lang: string, t: Translate, data: CentreAnswerData, offers: AnswerOffers): RenderedCard {
  const lines: Array<[string, string]> = [
    [t('centre.card.address'), data.address],
    [t('centre.card.phone'), data.phone],
  ];
  const fallback = [
    data.name,
    ...lines.map(([label, value]) => `${label}: ${value}`),
    `${t('centre.card.map')}: ${data.mapUrl}`,
    t('centre.card.note'),
    ...offerFallback(t, offers),
  ].join('\n');
  return card(
    lang,
    [
      title(data.name),
      facts(lines),
      text(t('centre.card.note'), { isSubtle: true, size: 'Small' }),
      { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: t('centre.card.map'), url: data.mapUrl }] },
      ...offerElements(t, offers),
    ],
    fallback,
    [...offers.next],
  );
}

/** A near miss: the questions the citizen may have meant, each a button, and the way on if none is. */
export function faqCandidatesCard(lang: string, t: Translate, candidates: readonly SubmitAction[], next: readonly SubmitAction[]): RenderedCard {
  const fallback = [t('faq.weak'), ...candidates.map((action) => `- ${action.title}`), '', ...next.map((action) => `- ${action.title}`)].join('\n');
  return card(
    lang,
    [text(t('faq.weak'), { weight: 'Bolder' }), { type: 'ActionSet', actions: [...candidates] }],
    fallback,
    [...next],
  );
}
