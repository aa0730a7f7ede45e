import type { Request, Response, Server } from 'restify';
import type { Texts } from '../../lib/content/texts';
import { isLang, type Lang } from '../../lib/i18n/language';
import { escapeHtml } from './html';

export const PRIVACY_PATH = '/privacy';

/** The link to the privacy notice on the service at `base`, in the reader's language. */
export function privacyLink(base: string, lang: Lang): string {
  return `${base}${PRIVACY_PATH}${lang === 'en' ? '?lang=en' : ''}`;
}

const SECTIONS = ['privacy.intro', 'privacy.collect', 'privacy.use', 'privacy.share', 'privacy.keep', 'privacy.rights', 'privacy.contact'];

/** The privacy notice the consent question links to, in Thai (default) or English, from editable content. */
export function renderPrivacyPage(texts: Texts, lang: Lang): string {
  const other: Lang = lang === 'th' ? 'en' : 'th';
  const title = escapeHtml(texts.get(lang, 'privacy.title'));
  const paragraphs = SECTIONS.map((key) => `<p>${escapeHtml(texts.get(lang, key))}</p>`).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: "Sarabun", "Noto Sans Thai", "Leelawadee UI", "Tahoma", system-ui, sans-serif; line-height: 1.7; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; line-height: 1.4; }
a { color: #0b5394; }
</style>
</head>
<body>
<p><a href="${PRIVACY_PATH}?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(texts.get(lang, 'privacy.otherLanguage'))}</a></p>
<h1>${title}</h1>
${paragraphs}
</body>
</html>
`;
}

export function privacyRoutes(texts: Texts) {
  return (server: Server): void => {
    server.get(PRIVACY_PATH, async (req: Request, res: Response) => {
      const requested = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
      const lang: Lang = isLang(requested) ? requested : 'th';
      const body = renderPrivacyPage(texts, lang);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    });
  };
}
