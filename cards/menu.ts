import { card, numbered, text, title, type Translate } from './card';
import type { RenderedCard } from './types';

export const MENU_ITEMS = ['file', 'track', 'faq', 'officer', 'language'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** The label of a menu item: what its button (and the matching suggested action) sends back. */
export function menuLabel(item: MenuItem, t: Translate): string {
  return t(`menu.${item}`);
}

/** The main menu. The same choices go out as suggested actions, for channels and clients without cards. */
export function menuCard(lang: string, t: Translate, intro?: string): RenderedCard {
  const labels = MENU_ITEMS.map((item) => menuLabel(item, t));
  const prompt = t('menu.prompt');
  return card(
    lang,
    [title(t('menu.title')), ...(intro ? [text(intro)] : []), text(prompt)],
    `${intro ? `${intro}\n\n` : ''}${prompt}\n${numbered(labels)}`,
    labels.map((label) => ({ type: 'Action.Submit' as const, title: label, data: label })),
  );
}
