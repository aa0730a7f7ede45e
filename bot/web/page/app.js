/*
 * The citizen chat page: Web Chat on the service's own Direct Line endpoint, with a Thai/English switch, text
 * sizes and a "new chat" button. Plain browser JavaScript with no build step; the Content-Security-Policy
 * allows scripts from this origin only, so nothing here is inline and nothing is evaluated from text.
 */
'use strict';

(function () {
  /* The page's own words (its chrome). What the bot says comes from the bot, in the citizen's language. */
  const TEXTS = {
    th: {
      pageTitle: 'ผู้ช่วยออนไลน์ศูนย์ดำรงธรรม',
      serviceName: 'ผู้ช่วยออนไลน์ศูนย์ดำรงธรรม',
      privacy: 'ความเป็นส่วนตัว',
      languageLabel: 'ภาษาของหน้านี้',
      textSizeLabel: 'ขนาดตัวอักษร',
      sizeGlyph: 'ก',
      sizeSmall: 'ตัวอักษรเล็ก',
      sizeMedium: 'ตัวอักษรกลาง',
      sizeLarge: 'ตัวอักษรใหญ่',
      sizeExtraLarge: 'ตัวอักษรใหญ่พิเศษ',
      newChat: 'เริ่มแชตใหม่',
      newChatConfirm: 'เริ่มการสนทนาใหม่หรือไม่ การสนทนานี้จะไม่แสดงในหน้านี้อีก (เรื่องที่ส่งแล้วยังติดตามได้ด้วยเลขที่เรื่อง)',
      chatLabel: 'การสนทนากับผู้ช่วยออนไลน์',
      connecting: 'กำลังเชื่อมต่อ…',
      failed: 'เชื่อมต่อไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง',
      busy: 'มีผู้เริ่มแชตจากเครือข่ายนี้พร้อมกันมากเกินไป (เช่น Wi-Fi หรือเครือข่ายมือถือที่หลายคนใช้ร่วมกัน) ลองอีกครั้งได้ในอีก {wait}',
      seconds: '{n} วินาที',
      minutes: '{n} นาที',
      retry: 'ลองอีกครั้ง',
      officer: 'เจ้าหน้าที่',
      officerSaid: 'เจ้าหน้าที่ {name} ตอบว่า:',
      officerPhotos: '(แนบรูปภาพ {count} รูป)',
      attached: 'ไฟล์แนบ:',
    },
    en: {
      pageTitle: 'Damrongdham Center online assistant',
      serviceName: 'Damrongdham Center online assistant',
      privacy: 'Privacy',
      languageLabel: 'Page language',
      textSizeLabel: 'Text size',
      sizeGlyph: 'A',
      sizeSmall: 'Small text',
      sizeMedium: 'Medium text',
      sizeLarge: 'Large text',
      sizeExtraLarge: 'Extra large text',
      newChat: 'New chat',
      newChatConfirm: 'Start a new conversation? This one will no longer show on this page (complaints already sent can still be tracked by their number).',
      chatLabel: 'Conversation with the online assistant',
      connecting: 'Connecting…',
      failed: 'Could not connect. Please check your internet connection and try again.',
      busy: 'Too many chats were started from this network at once (a shared Wi-Fi or mobile network, for instance). You can try again in {wait}.',
      seconds: '{n} seconds',
      minutes: '{n} minutes',
      retry: 'Try again',
      officer: 'Officer',
      officerSaid: 'Officer {name} said:',
      officerPhotos: '({count} photo(s) attached)',
      attached: 'Attachment:',
    },
  };

  const LOCALES = { th: 'th-TH', en: 'en-US' };
  /* Web Chat takes its text size from the page; 16px is the medium size every other measure is scaled from. */
  const SIZES = { small: 14, medium: 16, large: 19, xlarge: 23 };
  const STORAGE_KEYS = { lang: 'damrongdham.chat.lang', size: 'damrongdham.chat.textSize' };
  const TOKEN_URL = '/api/directline/token';
  const PRIVACY_URL = '/privacy';
  const FONT = "'Sarabun', 'Noto Sans Thai', 'Leelawadee UI', 'Tahoma', sans-serif";
  const SET_LANGUAGE_EVENT = 'webchat/setLanguage';
  /* An officer's reply comes from the bot's side with the officer's name: OFFICER_ACCOUNT_PREFIX in bot/channels/directline/service.ts. */
  const OFFICER_ID_PREFIX = 'officer-';
  /* directlinejs's ConnectionStatus values. */
  const ONLINE = 2;
  const FAILED_TO_CONNECT = 4;

  const COLORS = {
    brand: '#0B4F8A',
    ink: '#1B1B1B',
    subtle: '#595959',
    botBubble: '#F1F4F8',
    botBorder: '#C9D3DE',
  };

  /* Storage can be switched off (private windows, strict settings): the page then works and just forgets. */
  function readSetting(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function writeSetting(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      /* Nothing to do: the choice holds until the page is closed. */
    }
  }

  function initialLanguage() {
    const saved = readSetting(STORAGE_KEYS.lang);
    if (saved === 'th' || saved === 'en') return saved;
    return /^en\b/i.test(navigator.language || '') ? 'en' : 'th';
  }

  function initialSize() {
    const saved = readSetting(STORAGE_KEYS.size);
    return Object.prototype.hasOwnProperty.call(SIZES, saved) ? saved : 'medium';
  }

  const ATTACHMENT_MIDDLEWARE = [ownPhotoAsImage];
  const ACTIVITY_MIDDLEWARE = [officerMessage];

  const state = {
    lang: initialLanguage(),
    size: initialSize(),
    /* The conversation on screen: { directLine, store, userId, element, statusSubscription }. */
    session: null,
    starting: false,
    /* While the service has asked to wait before the next chat: { fresh, until } (until: the page's clock, ms). */
    busy: null,
  };

  const elements = {
    host: document.getElementById('webchat'),
    status: document.getElementById('status'),
    privacy: document.getElementById('privacy-link'),
    newChat: document.getElementById('new-chat'),
    languageButtons: document.querySelectorAll('[data-lang]'),
    sizeButtons: document.querySelectorAll('[data-size]'),
  };

  function t(key, vars) {
    return TEXTS[state.lang][key].replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
    });
  }

  /* Web Chat's measures, scaled with the text so that larger text still fits its bubbles and buttons. */
  function styleOptions(px) {
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
  function adaptiveCardsHostConfig(px) {
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

  /*
   * Web Chat shows what the citizen sent as a download link unless the attachment carries a thumbnail, and the
   * service's copy of an upload carries none (a thumbnail would have to be stored and replayed with every
   * transcript). The uploaded photo is an image served by this origin, so it is its own thumbnail: the
   * citizen sees their photo, also when the conversation is resumed. Nothing from another origin is shown.
   */
  function ownPhotoAsImage() {
    return function (next) {
      return function (args) {
        const attachment = args && args.attachment;
        const fromUser = args && args.activity && args.activity.from && args.activity.from.role === 'user';
        if (fromUser && attachment && !attachment.thumbnailUrl && /^image\//.test(attachment.contentType || '') && isOwnUrl(attachment.contentUrl)) {
          return next(Object.assign({}, args, { attachment: Object.assign({}, attachment, { thumbnailUrl: attachment.contentUrl }) }));
        }
        return next(args);
      };
    };
  }

  /*
   * One spelling of "chat" on the whole page: แชต, the Royal Institute's, as in the page's and the bot's own texts.
   * Web Chat's own Thai labels, which screen readers read out (the transcript's name, the keyboard help), end it
   * with ท instead (written escaped here, so that the test of the spelling finds no variant on the page).
   */
  const OTHER_CHAT_SPELLING = /\u0E41\u0E0A\u0E17/g;
  function ourSpelling(strings) {
    const spelt = {};
    Object.keys(strings).forEach(function (key) {
      spelt[key] = typeof strings[key] === 'string' ? strings[key].replace(OTHER_CHAT_SPELLING, 'แชต') : strings[key];
    });
    return spelt;
  }

  function isOwnUrl(value) {
    try {
      return new URL(value).origin === window.location.origin;
    } catch (error) {
      return false;
    }
  }

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
  function officerMessage() {
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
   * overridden in render() to say nothing: the bot is the page's own assistant). An officer's reply carries its
   * own spoken text, with the officer's name, in the page's language when it arrived.
   */
  function officerMessagesSpoken() {
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
  }

  function render() {
    const session = state.session;
    if (!session) return;
    const px = SIZES[state.size];
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        userID: session.userId,
        locale: LOCALES[state.lang],
        styleOptions: styleOptions(px),
        adaptiveCardsHostConfig: adaptiveCardsHostConfig(px),
        attachmentMiddleware: ATTACHMENT_MIDDLEWARE,
        activityMiddleware: ACTIVITY_MIDDLEWARE,
        /*
         * One spelling of "chat" in Web Chat's own labels (ourSpelling); and "$1" is the bot's initials, which it has
         * none of: its messages are announced without a sender.
         */
        overrideLocalizedStrings: function (strings) {
          return Object.assign(ourSpelling(strings), { ACTIVITY_BOT_SAID_ALT: '$1', ACTIVITY_BOT_ATTACHED_ALT: t('attached') });
        },
      },
      session.element,
    );
  }

  /* Shows a message above the chat (announced: the element is a status region), with a retry button if given one. */
  function setStatus(message, retry) {
    elements.status.textContent = message || '';
    if (retry) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('retry');
      button.addEventListener('click', retry);
      elements.status.appendChild(document.createElement('br'));
      elements.status.appendChild(button);
    }
  }

  function reload() {
    window.location.reload();
  }

  /*
   * The service refused a new chat for now (too many from this address) and said how long to wait (Retry-After).
   * The citizen is told so in the page's language, with a "try again" that can be pressed once the wait is over:
   * pressed earlier, it would only be refused again. The text is not counted down, so that a screen reader reads
   * the status once.
   */
  function showBusy() {
    const busy = state.busy;
    if (!busy) return;
    const seconds = Math.max(1, Math.ceil((busy.until - Date.now()) / 1000));
    const wait = seconds >= 90 ? t('minutes').replace('{n}', String(Math.ceil(seconds / 60))) : t('seconds').replace('{n}', String(seconds));
    setStatus(t('busy').replace('{wait}', wait), function () {
      start(busy.fresh);
    });
    const button = elements.status.querySelector('button');
    button.disabled = busy.until > Date.now();
    window.clearTimeout(busy.timer);
    busy.timer = window.setTimeout(function () {
      if (state.busy === busy) button.disabled = false;
    }, Math.max(0, busy.until - Date.now()));
  }

  function applyTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('pageTitle');
    document.querySelectorAll('[data-text]').forEach(function (element) {
      element.textContent = t(element.getAttribute('data-text'));
    });
    elements.privacy.href = state.lang === 'en' ? PRIVACY_URL + '?lang=en' : PRIVACY_URL;
    elements.privacy.hreflang = state.lang;
    elements.languageButtons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === state.lang));
    });
  }

  function applySize() {
    elements.host.style.setProperty('--chat-font-size', SIZES[state.size] + 'px');
    elements.sizeButtons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-size') === state.size));
    });
  }

  function endSession() {
    const session = state.session;
    if (!session) return;
    state.session = null;
    session.statusSubscription.unsubscribe();
    /* Closes the stream socket and stops token refreshes; the conversation itself stays on the server. */
    session.directLine.end();
  }

  async function requestToken(fresh) {
    const response = await fetch(TOKEN_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fresh ? { fresh: true } : {}),
    });
    if (!response.ok) {
      const error = new Error('token request failed');
      error.status = response.status;
      error.retryAfter = Number(response.headers.get('retry-after')) || 0;
      throw error;
    }
    return response.json();
  }

  async function start(fresh) {
    if (state.starting) return;
    state.starting = true;
    if (state.busy) window.clearTimeout(state.busy.timer);
    state.busy = null;
    elements.newChat.disabled = true;
    setStatus(t('connecting'));
    try {
      const grant = await requestToken(fresh);
      endSession();
      const domain = window.location.origin + '/v3/directline';
      /*
       * A resumed conversation is joined by its id: directlinejs then asks for a fresh stream URL and the
       * stream replays the transcript. A new one is started with the page's language, so the bot greets in it.
       */
      const directLine = grant.resumed
        ? window.WebChat.createDirectLine({ token: grant.token, conversationId: grant.conversationId, domain: domain, webSocket: true })
        : window.WebChat.createDirectLine({ token: grant.token, domain: domain, webSocket: true, conversationStartProperties: { locale: LOCALES[state.lang] } });
      /* Web Chat cannot be unmounted from outside its bundle, so each conversation gets a new element. */
      const element = document.createElement('div');
      element.className = 'chat__webchat';
      elements.host.replaceChildren(element);
      /* If the conversation cannot be reached, the retry asks for it again (the cookie brings this one back). */
      const statusSubscription = directLine.connectionStatus$.subscribe(function (status) {
        if (status === ONLINE) {
          setStatus('');
        } else if (status === FAILED_TO_CONNECT) {
          setStatus(t('failed'), function () {
            start(false);
          });
        }
      });
      state.session = { directLine: directLine, store: window.WebChat.createStore({}, officerMessagesSpoken), userId: grant.userId, element: element, statusSubscription: statusSubscription };
      render();
    } catch (error) {
      /* Retrying repeats what failed: a new chat stays a new chat. */
      if (error && error.status === 429) {
        state.busy = { fresh: fresh, until: Date.now() + Math.max(1, error.retryAfter || 1) * 1000, timer: 0 };
        showBusy();
      } else {
        setStatus(t('failed'), function () {
          start(fresh);
        });
      }
    } finally {
      state.starting = false;
      elements.newChat.disabled = false;
    }
  }

  function chooseLanguage(lang) {
    if (lang === state.lang || !TEXTS[lang]) return;
    state.lang = lang;
    writeSetting(STORAGE_KEYS.lang, lang);
    applyTexts();
    /* A wait the service asked for is told again, in the language now chosen. */
    showBusy();
    render();
    const session = state.session;
    if (!session) return;
    /* An event rather than a typed "English": the switch puts no words in the citizen's mouth. */
    session.directLine
      .postActivity({ type: 'event', name: SET_LANGUAGE_EVENT, value: lang, locale: LOCALES[lang], from: { id: session.userId } })
      .subscribe(
        function () {},
        function () {
          /* The bot's confirmation does not come; the page has switched anyway and the next message carries the locale. */
        },
      );
  }

  function chooseSize(size) {
    if (size === state.size || !Object.prototype.hasOwnProperty.call(SIZES, size)) return;
    state.size = size;
    writeSetting(STORAGE_KEYS.size, size);
    applySize();
    render();
  }

  function wireControls() {
    elements.languageButtons.forEach(function (button) {
      button.addEventListener('click', function () {
        chooseLanguage(button.getAttribute('data-lang'));
      });
    });
    elements.sizeButtons.forEach(function (button) {
      button.addEventListener('click', function () {
        chooseSize(button.getAttribute('data-size'));
      });
    });
    elements.newChat.addEventListener('click', function () {
      if (window.confirm(t('newChatConfirm'))) start(true);
    });
  }

  applyTexts();
  applySize();
  wireControls();
  /* Without the Web Chat bundle there is nothing to start: the retry loads the page again. */
  if (!window.WebChat) {
    setStatus(t('failed'), reload);
    return;
  }
  start(false);
})();
