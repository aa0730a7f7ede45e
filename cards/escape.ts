/**
 * Citizen text shown inside cards and messages is text, never markup. Adaptive Cards' TextBlock and Web Chat
 * messages render a subset of Markdown, so its special characters are escaped with a backslash: a citizen who
 * types `**urgent**` or `[click](javascript:…)` sees exactly that. HTML needs no escaping here because neither
 * renderer interprets it; Web Chat and the card renderer show `<script>` as text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|>~])/g, '\\$1');
}
