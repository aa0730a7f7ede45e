/*
 * The citizen chat page: Web Chat on the service's own Direct Line endpoint, with a Thai/English switch, text
 * sizes and a "new chat" button. ES modules that Vite builds (scripts/build-web.mjs); the Content-Security-Policy
 * allows scripts from this origin only, so nothing here is inline and nothing is evaluated from text.
 */
'use strict';

import { ourSpelling } from './chatSpelling.js';
import { requestToken } from './chatToken.js';
import { busyWait, showBusy as showBusyNotice } from './limitRetry.js';
import { officerMessage, officerMessagesSpoken } from './officerMessages.js';
import { ownPhotoAsImage } from './ownPhotos.js';
import { initialLanguage, initialSize, STORAGE_KEYS, writeSetting } from './settings.js';
import { LOCALES, TEXTS } from './texts.js';
import { adaptiveCardsHostConfig, SIZES, styleOptions } from './webChatStyle.js';

(function () {
  const PRIVACY_URL = '/privacy';
  const SET_LANGUAGE_EVENT = 'webchat/setLanguage';
  /* directlinejs's ConnectionStatus values. */
  const ONLINE = 2;
  const FAILED_TO_CONNECT = 4;

  const ATTACHMENT_MIDDLEWARE = [ownPhotoAsImage];
  const ACTIVITY_MIDDLEWARE = [officerMessage(t)];

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

  /* The wait the service asked for, in the status line (limitRetry.js). */
  function showBusy() {
    const busy = state.busy;
    if (!busy) return;
    showBusyNotice(busy, {
      t: t,
      setStatus: setStatus,
      status: elements.status,
      isCurrent: function (wait) {
        return state.busy === wait;
      },
      retry: start,
    });
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
      state.session = { directLine: directLine, store: window.WebChat.createStore({}, officerMessagesSpoken(t)), userId: grant.userId, element: element, statusSubscription: statusSubscription };
      render();
    } catch (error) {
      /* Retrying repeats what failed: a new chat stays a new chat. */
      if (error && error.status === 429) {
        state.busy = busyWait(fresh, error.retryAfter);
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