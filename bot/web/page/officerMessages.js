/*
 * An officer's reply on the chat page: shown with the officer's name and avatar, and announced by screen readers
 * with the name. Both middlewares are made with the page's t (its words, in the language chosen at the time).
 */

/* An officer's reply comes from the bot's side with the officer's name: OFFICER_ACCOUNT_PREFIX in bot/channels/directline/service.ts. */
const OFFICER_ID_PREFIX = 'officer-';

/* The officer's display name when an officer wrote the activity, or null for the bot's and the citizen's. */
function officerName(activity) {
  const from = activity && activity.from;
  if (!from || from.role !== 'bot' || typeof from.id !== 'string' || from.id.indexOf(OFFICER_ID_PREFIX) !== 0) return null;
  return typeof from.name === 'string' && from.name.trim() ? from.name.trim() : null;
}

/*
 * Web Chat's middleware returns React elements, and the bundle does not export its React. An element is a plain
 * object; new ones are made in the shape of one Web Chat itself rendered, so they belong to its React (16 in
 * Web Chat 4.18). tests/e2e/officer-name.e2e.ts checks that they render.
 */
function elementsLike(sample) {
  return function (type, props, children) {
    const own = Object.assign({}, props);
    const key = own.key === undefined ? null : String(own.key);
    delete own.key;
    if (children !== undefined) own.children = children;
    const element = Object.assign({}, sample, { type: type, key: key, ref: null, props: own });
    if ('_owner' in element) element._owner = null;
    return element;
  };
}

/* A person's silhouette: the officer's avatar, beside the name (the bot has none, so the two never look alike). */
function personIcon(h) {
  return h('svg', { key: 'avatar', className: 'officer-message__avatar', viewBox: '0 0 24 24', width: '24', height: '24', 'aria-hidden': 'true', focusable: 'false' }, [
    h('circle', { key: 'head', cx: '12', cy: '8.5', r: '4', fill: 'currentColor' }),
    h('path', { key: 'body', d: 'M4.5 20.5c0-4.2 3.4-6.5 7.5-6.5s7.5 2.3 7.5 6.5z', fill: 'currentColor' }),
  ]);
}

/*
 * An officer's reply shows who wrote it: the officer's name with a person's avatar above the bubble, and the
 * bubble in the officers' colours (styles.css), so that the citizen always knows whether a person or the bot
 * is answering. The name is text, read by screen readers where it is shown.
 */
export function officerMessage(t) {
  return function () {
    return function (next) {
      return function (options) {
        const render = next.apply(null, arguments);
        const name = officerName(options && options.activity);
        if (!render || !name) return render;
        return function () {
          const message = render.apply(null, arguments);
          const h = elementsLike(message);
          return h('div', { className: 'officer-message' }, [
            h('div', { key: 'sender', className: 'officer-message__sender' }, [
              personIcon(h),
              h('span', { key: 'name', className: 'officer-message__name' }, name),
              h('span', { key: 'role', className: 'officer-message__role' }, t('officer')),
            ]),
            h('div', { key: 'body', className: 'officer-message__body' }, message),
          ]);
        };
      };
    };
  };
}

/* What a message says as plain text: Markdown rendered as Web Chat renders it, then read as text, never run. */
function plainText(activity) {
  const text = typeof activity.text === 'string' ? activity.text : '';
  if (activity.textFormat !== 'markdown' || !window.WebChat.renderMarkdown) return text;
  const html = window.WebChat.renderMarkdown(text, { markdownRespectCRLF: true, markdownRenderHTML: false }, {});
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent || '').replace(/\u200b/g, '').trim();
}

/*
 * Screen readers announce a new message with its sender, from one phrase for every bot message ("Bot said",
 * overridden in app.js's render() to say nothing: the bot is the page's own assistant). An officer's reply carries its
 * own spoken text, with the officer's name, in the page's language when it arrived.
 */
export function officerMessagesSpoken(t) {
  return function () {
    return function (next) {
      return function (action) {
        const activity = action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload ? action.payload.activity : null;
        const name = activity && activity.type === 'message' ? officerName(activity) : null;
        if (!name) return next(action);
        const photos = (activity.attachments || []).length;
        const spoken = [t('officerSaid', { name: name }), plainText(activity), photos ? t('officerPhotos', { count: photos }) : ''].filter(Boolean).join(' ');
        const channelData = Object.assign({}, activity.channelData, { 'webchat:fallback-text': spoken });
        return next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { channelData: channelData }) }) }));
      };
    };
  };
}
