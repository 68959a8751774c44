import { escapeHtml } from './escape-html';

/** The shared frame of Fineprint's emails: inline styles, readable without images. */
export function emailLayout(title: string, bodyHtml: string, footerHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font:16px/1.5 -apple-system,'Segoe UI',Roboto,Arial,sans-serif">
<div style="max-width:640px;margin:0 auto;padding:24px 16px">
<p style="font-weight:700;font-size:18px;margin:0 0 16px">Fineprint</p>
${bodyHtml}
<hr style="border:0;border-top:1px solid #d6d6d6;margin:32px 0 12px">
<div style="font-size:13px;color:#555">${footerHtml}</div>
</div></body></html>`;
}

export const SEVERITY_COLOR: Record<string, string> = {
  high: '#a50e0e',
  medium: '#8a4b00',
  low: '#1f5e2e',
  cosmetic: '#4a4a4a',
};
