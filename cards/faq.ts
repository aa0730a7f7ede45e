import { card, text, title, type Translate } from './card';
import type { CardAction, RenderedCard } from './types';

export interface FaqAnswerData {
  question: string;
  answer: string;
  links: ReadonlyArray<{ title: string; url: string }>;
  images?: ReadonlyArray<{ url: string; altText: string }>;
}

/** An answer from the question bank. Bank texts are admin content (trusted); links open in the browser. */
export function faqAnswerCard(lang: string, t: Translate, data: FaqAnswerData): RenderedCard {
  const actions: CardAction[] = data.links.map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url }));
  const fallback = [data.question, '', data.answer, ...(data.links.length > 0 ? ['', `${t('faq.links')}:`, ...data.links.map((link) => `${link.title}: ${link.url}`)] : [])].join('\n');
  return card(
    lang,
    [
      title(data.question),
      text(data.answer),
      ...(data.images ?? []).map((image) => ({ type: 'Image' as const, url: image.url, altText: image.altText, size: 'Stretch' as const })),
    ],
    fallback,
    actions,
  );
}
