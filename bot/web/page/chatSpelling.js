/*
 * One spelling of "chat" on the whole page: แชต, the Royal Institute's, as in the page's and the bot's own texts.
 * Web Chat's own Thai labels, which screen readers read out (the transcript's name, the keyboard help), end it
 * with ท instead (written escaped here, so that the test of the spelling finds no variant on the page).
 */
const OTHER_CHAT_SPELLING = /\u0E41\u0E0A\u0E17/g;
export function ourSpelling(strings) {
  const spelt = {};
  Object.keys(strings).forEach(function (key) {
    spelt[key] = typeof strings[key] === 'string' ? strings[key].replace(OTHER_CHAT_SPELLING, 'แชต') : strings[key];
  });
  return spelt;
}
