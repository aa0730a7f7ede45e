/*
 * Web Chat, taken from its ES module build so that the page's bundle holds only what the page uses (no speech
 * services, no developer tools), and handed to app.js under the name its UMD bundle used. index.html loads this
 * module before app.js, and module scripts run in document order.
 */
import { createDirectLine, createStore, renderMarkdown, renderWebChat } from 'botframework-webchat';

window.WebChat = { createDirectLine, createStore, renderMarkdown, renderWebChat };
