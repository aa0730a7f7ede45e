/*
 * How Web Chat and its Adaptive Cards look on the chat page, at each text size the page offers.
 */

/* Web Chat takes its text size from the page; 16px is the medium size every other measure is scaled from. */
export const SIZES = { small: 14, medium: 16, large: 19, xlarge: 23 };
const FONT = "'Sarabun', 'Noto Sans Thai', 'Leelawadee UI', 'Tahoma', sans-serif";

const COLORS = {
  brand: '#0B4F8A',
  ink: '#1B1B1B',
  subtle: '#595959',
  botBubble: '#F1F4F8',
  botBorder: '#C9D3DE',
};

/* Web Chat's measures, scaled with the text so that larger text still fits its bubbles and buttons. */
export function styleOptions(px) {
  const scale = px / SIZES.medium;
  const scaled = function (value) {
    return Math.round(value * scale);
  };
  /* Buttons and the send box stay at least 44px high: a finger's width on a phone. */
  const touch = Math.max(44, scaled(44));
  return {
    primaryFont: FONT,
    accent: COLORS.brand,
    subtle: COLORS.subtle,
    backgroundColor: '#FFFFFF',
    paddingRegular: scaled(10),
    paddingWide: scaled(20),
    avatarSize: scaled(40),
    bubbleBackground: COLORS.botBubble,
    bubbleBorderColor: COLORS.botBorder,
    bubbleBorderRadius: 12,
    bubbleTextColor: COLORS.ink,
    bubbleFromUserBackground: COLORS.brand,
    bubbleFromUserBorderColor: COLORS.brand,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#FFFFFF',
    bubbleMinHeight: scaled(40),
    bubbleMaxWidth: scaled(560),
    bubbleMinWidth: Math.min(250, scaled(220)),
    bubbleImageHeight: scaled(240),
    sendBoxHeight: touch,
    sendBoxMaxHeight: scaled(200),
    sendBoxTextWrap: true,
    sendBoxButtonColor: COLORS.brand,
    suggestedActionLayout: 'flow',
    /* Eight categories at extra large text would fill a phone's screen and push the question out of view. */
    suggestedActionsFlowMaxHeight: '35vh',
    suggestedActionHeight: touch,
    suggestedActionBorderRadius: 8,
    suggestedActionBorderColor: COLORS.brand,
    suggestedActionTextColor: COLORS.brand,
    suggestedActionBorderWidth: 2,
    timestampColor: COLORS.subtle,
    /* Photos only: the bot takes images, and a photo of the problem is what citizens send. */
    hideUploadButton: false,
    uploadAccept: 'image/*',
    uploadMultiple: true,
    /* A chosen photo is sent at once: the bot acknowledges it, rather than it waiting unseen for the send button. */
    sendAttachmentOn: 'attach',
    /* Markdown yes, raw HTML inside it never: no message becomes markup. */
    markdownRenderHTML: false,
  };
}

/*
 * Adaptive Cards take sizes in pixels from their host config, not from the page. Giving Web Chat a host
 * config replaces its own, so this one keeps Web Chat's layout choices (stacked full-width buttons, no
 * custom card styles) and adds text sizes that follow the page's, with line heights roomy enough for Thai.
 */
export function adaptiveCardsHostConfig(px) {
  const size = function (ratio) {
    return Math.round(px * ratio);
  };
  const line = function (ratio) {
    return Math.round(px * ratio * 1.5);
  };
  return {
    supportsInteractivity: true,
    fontFamily: FONT,
    fontSizes: { small: size(0.875), default: size(1), medium: size(1.125), large: size(1.3), extraLarge: size(1.55) },
    lineHeights: { small: line(0.875), default: line(1), medium: line(1.125), large: line(1.3), extraLarge: line(1.55) },
    /* Sarabun is served in 400, 600 and 700 only. */
    fontWeights: { lighter: 400, default: 400, bolder: 700 },
    containerStyles: {
      default: {
        foregroundColors: {
          default: { default: COLORS.ink, subtle: COLORS.subtle },
          accent: { default: COLORS.brand, subtle: COLORS.brand },
          attention: { default: '#A4262C', subtle: '#A4262C' },
          good: { default: '#0B6A0B', subtle: '#0B6A0B' },
          warning: { default: '#8A4B00', subtle: '#8A4B00' },
        },
      },
      emphasis: {
        backgroundColor: '#E8EEF4',
        foregroundColors: { default: { default: COLORS.ink, subtle: '#4D4D4D' } },
      },
    },
    imageSizes: { small: size(2.5), medium: size(5), large: size(10) },
    actions: {
      actionAlignment: 'stretch',
      actionsOrientation: 'vertical',
      buttonSpacing: 8,
      maxActions: 100,
      showCard: { actionMode: 'inline', inlineTopMargin: 8 },
      spacing: 'default',
    },
    adaptiveCard: { allowCustomStyle: false },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: true, weight: 'bolder', wrap: true, maxWidth: size(9) },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8,
    },
    textBlock: { headingLevel: 2 },
  };
}
