import { emailLayout } from './email-layout';
import { escapeHtml } from './escape-html';
import { type RenderedEmail } from './render-change-email';

/** The double opt-in email: one link confirms, nothing is sent before it is followed. */
export function renderConfirmationEmail(confirmUrl: string, scopeInWords: string): RenderedEmail {
  const subject = '[Fineprint] Confirm your subscription';
  const html = emailLayout(
    subject,
    `<h1 style="font-size:20px">Confirm your subscription</h1>
<p>Someone (we hope you) asked Fineprint to email this address about ${escapeHtml(scopeInWords)}.</p>
<p style="margin:24px 0"><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;padding:10px 16px;border:2px solid #1a1a1a;color:#1a1a1a;text-decoration:none;font-weight:700">Confirm</a></p>
<p>If you did not ask for this, ignore this email: nothing will be sent.</p>`,
    'This link works once.',
  );
  const text = `Confirm your Fineprint subscription\n\nSomeone (we hope you) asked Fineprint to email this address about ${scopeInWords}.\n\nConfirm: ${confirmUrl}\n\nIf you did not ask for this, ignore this email: nothing will be sent.`;
  return { subject, html, text };
}
