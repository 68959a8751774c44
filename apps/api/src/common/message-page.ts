import { createHash } from 'node:crypto';

import { type Response } from 'express';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}button{font:inherit;padding:.5rem 1rem;border:2px solid #1a1a1a;background:#fff;cursor:pointer}
button:focus{outline:3px solid #0b57d0;outline-offset:2px}a{color:#0b57d0}`;

/**
 * The pages' Content-Security-Policy: no scripts, no resources, the one inline style by
 * its hash, forms only to this origin, no framing (a button must not be clickjacked).
 */
export const MESSAGE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** A small, self-contained HTML page for links people open from emails. */
export function messagePage(
  title: string,
  message: string,
  form?: { action: string; button: string },
): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Fineprint</title>
<style>${STYLE}</style></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p>
${form ? `<form method="post" action="${escape(form.action)}"><button type="submit">${escape(form.button)}</button></form>` : ''}
<p><a href="/">Fineprint</a></p></main></body></html>`;
}

/**
 * Sends a message page with its security headers: the CSP above, no MIME sniffing, no
 * framing, no Referer (the URL holds a token), never cached.
 */
export function sendMessagePage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'content-security-policy': MESSAGE_PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    .type('html')
    .send(html);
}
