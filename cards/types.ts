/**
 * The subset of the Adaptive Cards 1.5 schema the bot's cards use. Builders return plain JSON of these types;
 * tests parse every card with the `adaptivecards` library to check it against the schema.
 */

export const CARD_VERSION = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  separator?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
  spacing?: TextBlock['spacing'];
}

export interface Image {
  type: 'Image';
  url: string;
  altText: string;
  size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

export interface ChoiceSetInput {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  isRequired?: boolean;
  errorMessage?: string;
  choices: Array<{ title: string; value: string }>;
}

/**
 * Web Chat's convention for a card button that acts as a Bot Framework card action: a `messageBack` sends
 * `text` as the citizen's message, shows `displayText` in the conversation, and carries `value` with it, which
 * tells the bot which card and which question the button belongs to.
 */
export interface MessageBackData {
  __isBotFrameworkCardAction: true;
  cardAction: { type: 'messageBack'; title: string; text: string; displayText: string; value: Record<string, string> };
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  /**
   * A string is sent back as the citizen's message text (like a suggested action); an object as `value`; a
   * MessageBackData as text and value together.
   */
  data: string | Record<string, string> | MessageBackData;
  style?: 'default' | 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = SubmitAction | OpenUrlAction;

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement = TextBlock | FactSet | Image | Container | ChoiceSetInput | ActionSet;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  /** Shown by hosts that cannot render the card; the bot's connectors for text-only channels send it. */
  fallbackText: string;
  /** The language of the card's texts, so that screen readers pronounce them right. */
  lang: string;
  body: CardElement[];
  actions?: CardAction[];
}

/** A card and its plain-text rendering, for channels without cards. */
export interface RenderedCard {
  card: AdaptiveCard;
  fallbackText: string;
}
