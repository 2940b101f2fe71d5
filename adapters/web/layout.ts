/** The HTML document around every page: language and direction, the one stylesheet and script, no inline code. */
import { escapeXml } from '../charts/svg.ts';
import { directionOf, type ScreenLanguage } from './screen-text.ts';

export interface PageShell {
  language: ScreenLanguage;
  title: string;
  body: string;
  /** Pages that update live load the script; the first state is always in `body`, so it works without it. */
  script?: boolean;
}

export function pageHtml({ language, title, body, script = false }: PageShell): string {
  return [
    '<!doctype html>',
    `<html lang="${language}" dir="${directionOf(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeXml(title)}</title>`,
    '<link rel="stylesheet" href="/assets/screen.css">',
    script ? '<script src="/assets/screen.js" defer></script>' : '',
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

export const notFoundHtml = (language: ScreenLanguage, words: { notFound: string }) =>
  pageHtml({ language, title: words.notFound, body: `<main><h1>${escapeXml(words.notFound)}</h1></main>` });
