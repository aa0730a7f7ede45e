import type { Locator } from 'playwright-core';

/**
 * How the browser laid out the texts of a card: for each text block, the lines it was broken into, and every
 * line break that falls inside a word. Words are what Intl.Segmenter finds (ICU's word boundaries, with its
 * Thai dictionary): a break is allowed where one word ends and the next begins, after a space or a hyphen too.
 * A line is found from the screen position of each grapheme (Range.getClientRects), so what is measured is
 * what the citizen sees, whatever made the browser break there.
 */

export interface RenderedText {
  /** The block's text as laid out. */
  text: string;
  /** The text of each rendered line. */
  lines: string[];
  /** The two sides of every break that splits a word ("ราย|ละเอีย|ด" gives ["ละเอีย|ด"]). */
  brokenWords: string[];
  /** Graphemes drawn outside the card's box (clipped, or overflowing it). */
  outside: string[];
}

/** Every `.ac-textBlock` inside the card, in order. */
export function renderedTexts(card: Locator): Promise<RenderedText[]> {
  return card.evaluate((root: PageElement) => {
    const box = root.getBoundingClientRect();
    const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    return Array.from(root.querySelectorAll('.ac-textBlock')).map((block) => {
      // The block's text, and for each character the text node and offset it came from.
      const nodes: Array<{ node: PageNode; start: number }> = [];
      let text = '';
      const walker = document.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length });
        text += node.textContent ?? '';
      }
      const locate = (offset: number) => {
        let found = nodes[0];
        for (const entry of nodes) if (entry.start <= offset) found = entry;
        return { node: found.node, offset: offset - found.start };
      };
      const range = document.createRange();
      const lineStarts: number[] = [];
      const outside: string[] = [];
      let lastTop: number | undefined;
      for (const { segment, index } of graphemes.segment(text)) {
        if (/^\s+$/.test(segment)) continue;
        const from = locate(index);
        const to = locate(index + segment.length);
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        const rect = Array.from(range.getClientRects()).find((candidate) => candidate.width > 0);
        if (!rect) continue;
        // A new line when the grapheme sits below the previous one by more than half its height.
        if (lastTop === undefined || rect.top > lastTop + rect.height / 2) lineStarts.push(index);
        lastTop = rect.top;
        if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) outside.push(segment);
      }
      const boundaries = new Set<number>();
      for (const { index } of words.segment(text)) boundaries.add(index);
      const brokenWords = lineStarts.slice(1).filter((start) => !boundaries.has(start)).map((start) => {
        const before = text.slice(0, start).split(/\s/).pop() ?? '';
        const after = text.slice(start).split(/\s/)[0];
        return `${before}|${after}`;
      });
      const lines = lineStarts.map((start, i) => text.slice(start, lineStarts[i + 1] ?? text.length).trim());
      return { text: text.trim(), lines, brokenWords, outside };
    });
  });
}

/*
 * The page-side globals the function above touches (the project compiles for Node without the DOM library),
 * declared for this module only, as in harness.ts.
 */
interface PageRect {
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly height: number;
}
interface PageNode {
  readonly textContent: string | null;
}
interface PageElement extends PageNode {
  getBoundingClientRect(): PageRect;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
declare const document: {
  createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageNode | null };
  createRange(): { setStart(node: PageNode, offset: number): void; setEnd(node: PageNode, offset: number): void; getClientRects(): ArrayLike<PageRect> };
};
