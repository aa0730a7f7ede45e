import MarkdownIt from 'markdown-it';
import { markdownWithLinks } from '../../cards/escape';

// Web Chat's own settings (botframework-webchat/lib/markdown/renderMarkdown.js): HTML inside Markdown is rendered,
// which is why every `<` must be escaped.
const webChat = new MarkdownIt({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });
const render = (text: string) => webChat.render(markdownWithLinks(text)).trim();
/** The text a reader sees: tags dropped, entities decoded. */
const visible = (html: string) =>
  html
    .replace(/<br \/>\n?/g, '\n')
    .replace(/<\/p>\n?<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('an officer reply as Markdown for Web Chat', () => {
  test('addresses become links with the address as their text', () => {
    expect(render('ดูขั้นตอนได้ที่ https://www.damrongdham.moi.go.th/complaint?id=1&lang=th ค่ะ')).toBe(
      '<p>ดูขั้นตอนได้ที่ <a href="https://www.damrongdham.moi.go.th/complaint?id=1&amp;lang=th">https://www.damrongdham.moi.go.th/complaint?id=1&amp;lang=th</a> ค่ะ</p>',
    );
  });

  test('a full stop or bracket after an address is not part of it', () => {
    expect(render('(ดูที่ https://example.org/a.)')).toBe('<p>(ดูที่ <a href="https://example.org/a">https://example.org/a</a>.)</p>');
  });

  test('markup in the text shows exactly as typed: HTML, Markdown, typographic shortcuts, code indentation', () => {
    for (const typed of [
      '<img src=x onerror=alert(1)> <b>ตัวหนา</b> &amp;',
      '**ด่วน** _เอียง_ [คลิก](javascript:alert(1)) `code` # หัวข้อ',
      '1. ข้อแรก\n- ข้อสอง\n> อ้างอิง',
      '"ราคา" -- 3...5 (c) (tm)',
      '| a | b |\n|---|---|',
      '<https://example.org> <javascript:alert(1)>',
    ]) {
      const html = render(typed);
      expect(html).not.toMatch(/<(img|b|strong|em|code|h1|ol|ul|li|blockquote|table|script)\b/);
      expect(html.match(/<a /g) ?? []).toHaveLength(typed.includes('<https://example.org>') ? 1 : 0);
      expect(visible(html)).toBe(typed);
    }
  });

  test('javascript: and other schemes never become links', () => {
    expect(render('javascript:alert(1) data:text/html,x mailto:a@b.co')).not.toContain('<a ');
  });

  test('line breaks and blank lines are kept; leading spaces are dropped', () => {
    expect(render('บรรทัดแรก\n    บรรทัดสอง\n\n\nย่อหน้าใหม่ https://example.org/\n')).toBe(
      '<p>บรรทัดแรก<br />\nบรรทัดสอง</p>\n<p>ย่อหน้าใหม่ <a href="https://example.org/">https://example.org/</a></p>',
    );
  });

  test('Thai text passes through untouched', () => {
    expect(markdownWithLinks('ขอบคุณค่ะ เจ้าหน้าที่จะประสานกับเทศบาลให้นะคะ')).toBe('ขอบคุณค่ะ เจ้าหน้าที่จะประสานกับเทศบาลให้นะคะ');
  });
});
