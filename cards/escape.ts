/**
 * Citizen text shown inside cards and messages is text, never markup. Adaptive Cards' TextBlock and Web Chat
 * messages render a subset of Markdown, so its special characters are escaped with a backslash: a citizen who
 * types `**urgent**` or `[click](javascript:…)` sees exactly that. HTML needs no escaping here because neither
 * renderer interprets it; Web Chat and the card renderer show `<script>` as text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|>~])/g, '\\$1');
}

/** Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them leaves nothing to be read as markup. */
function escapeAllPunctuation(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

const LINK = /https?:\/\/[^\s<>"'`]+/gi;

function lineWithLinks(line: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const match of line.matchAll(LINK)) {
    // Punctuation that ends a sentence is not part of the address ("see https://example.org.").
    const address = match[0].replace(/[).,!?]+$/, '');
    if (!URL.canParse(address)) continue;
    parts.push(escapeAllPunctuation(line.slice(from, match.index)), `<${address}>`);
    from = match.index + address.length;
  }
  parts.push(escapeAllPunctuation(line.slice(from)));
  return parts.join('');
}

/**
 * An officer's reply as Markdown for Web Chat, so that the addresses in it can be clicked: the text shows exactly
 * as typed (all punctuation escaped, including `<` and `&`, because Web Chat renders HTML inside Markdown), http(s)
 * addresses become CommonMark autolinks, each line break stays a line break, and a blank line a paragraph break.
 * Leading spaces are dropped: four of them would otherwise start a code block, and HTML collapses them anyway.
 */
export function markdownWithLinks(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of text.split(/\r?\n/).map((raw) => raw.trim())) {
    if (line === '') {
      if (paragraphs[paragraphs.length - 1].length > 0) paragraphs.push([]);
    } else {
      paragraphs[paragraphs.length - 1].push(lineWithLinks(line));
    }
  }
  // A backslash at the end of a line is CommonMark's hard line break.
  return paragraphs.filter((lines) => lines.length > 0).map((lines) => lines.join('\\\n')).join('\n\n');
}
