/**
 * Pages of a simulated vendor site modelled on Amazon's Alexa help pages, for the demo
 * and the end-to-end test. Stage 1 is before 28 March 2025; stage 2 after. Each page
 * carries realistic furniture: navigation, a cookie banner, a footer, a timestamp that
 * changes on every request and links with tracking parameters.
 */
export type DemoStage = 1 | 2;

const furniture = (title: string, body: string, now: Date, requestId: string) => `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>${title} - Amazon Customer Service</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<div id="cookie-banner" class="consent">We use cookies and similar tools to enhance your shopping experience.
  <button>Accept cookies</button> <button>Decline</button></div>
<header id="navbar"><nav aria-label="Main"><a href="/?ref_=nav_logo">amazon</a>
  <a href="/deals?ref_=nav_cs_gb&amp;utm_source=site">Today's Deals</a> <a href="/help?ref_=nav_cs_help">Customer Service</a>
  <a href="/registry?ref_=nav_cs_registry&amp;pd_rd_r=${requestId}">Registry</a></nav></header>
<main id="help-content" class="help-content">
${body}
</main>
<aside class="related">Related help topics: <a href="/help/alexa?ref_=hp_rel_${requestId.slice(0, 4)}">Alexa</a></aside>
<footer id="navFooter"><p>Conditions of Use · Privacy Notice · © 1996-2026, Amazon.com, Inc. or its affiliates</p>
<p class="generated">Page generated ${now.toISOString()} (request ${requestId})</p></footer>
</body></html>`;

export function alexaPrivacySettingsPage(stage: DemoStage, now: Date, requestId: string): string {
  const recordings =
    stage === 1
      ? `<h2>Do Not Send Voice Recordings</h2>
<p>On supported Echo devices you can choose to have your voice requests processed locally, on the device.
When you turn on <strong>Do Not Send Voice Recordings</strong>, the audio of your Alexa requests is not sent to Amazon's cloud.</p>
<p>You can turn this setting on or off at any time in the Alexa app under Settings &gt; Alexa Privacy &gt; Manage Your Alexa Data.</p>`
      : `<h2>How your voice requests are processed</h2>
<p>Starting March 28, 2025, the Do Not Send Voice Recordings setting is no longer available.
Your voice requests are sent to and processed in the secure Amazon cloud, and voice recordings are deleted after Alexa processes your requests.</p>
<p>If you had chosen Don't Save Recordings, your recordings will be deleted after processing.</p>`;
  const body = `<h1>Alexa Privacy Settings</h1>
<p>Alexa is designed to protect your privacy. You can review and manage your voice recordings and other Alexa data at any time.
Read the <a href="https://www.amazon.com/alexa-privacy/faq?ref_=apd_faq&amp;utm_campaign=privacy">Alexa Privacy FAQ</a>.</p>
<h2>Review Voice History</h2>
<p>You can see and listen to the voice recordings associated with your account, and delete them one by one, by date range, or all at once.</p>
${recordings}
<h2>Manage Smart Home Device History</h2>
<p>You can review and delete the history of your smart home devices.</p>`;
  return furniture('Alexa Privacy Settings', body, now, requestId);
}

export function privacyNoticePage(stage: DemoStage, now: Date, requestId: string): string {
  const ai =
    stage === 2
      ? `<p>We use your voice interactions with Alexa, including voice recordings, to train and improve our artificial intelligence models.</p>`
      : '';
  const body = `<h1>Amazon.com Privacy Notice</h1>
<p>Last updated: ${stage === 1 ? 'February 1, 2025' : 'March 28, 2025'}</p>
<p>We know that you care how information about you is used and shared, and we appreciate your trust that we will do so carefully and sensibly.
This Privacy Notice describes how Amazon.com and its affiliates collect and process your personal information.</p>
<h2>What Personal Information About Customers Does Amazon Collect?</h2>
<p>We collect your personal information in order to provide and continually improve our products and services.</p>
<ul><li>Information you give us, such as your name, address and payment information.</li>
<li>Information collected automatically, such as your interactions with our services and your device's location.</li>
<li>Voice recordings when you speak to Alexa.</li></ul>
<h2>For What Purposes Does Amazon Use Your Personal Information?</h2>
<p>We use your personal information to operate, provide, develop, and improve the products and services that we offer our customers.</p>
${ai}
<h2>How Long Do We Keep Your Personal Information?</h2>
<p>We keep your personal information to enable your continued use of Amazon Services, for as long as it is required to fulfill the relevant purposes.</p>
<h2>What Choices Do I Have?</h2>
<p>You can choose not to provide certain information, but then you might not be able to take advantage of many of our Amazon Services.
You can opt out of interest-based ads in Your Ads Privacy Choices.</p>`;
  return furniture('Amazon.com Privacy Notice', body, now, requestId);
}

/**
 * The FAQ is rendered by client-side script (the shell has no content), as some help
 * centres are. Stage 2 is a cosmetic edit: straight quotes become curly, a dash, spacing.
 */
export function alexaFaqPage(stage: DemoStage, now: Date, requestId: string): string {
  const q =
    stage === 1
      ? { o: '"', c: '"', a: "'", dash: '-' }
      : { o: '\u201c', c: '\u201d', a: '\u2019', dash: '\u2014' };
  const faq = [
    [
      'Is Alexa recording all my conversations?',
      `No. By default, Echo devices are designed to detect only your chosen wake word (for example, ${q.o}Alexa${q.c}). Amazon${q.a}s cloud receives audio only after the wake word is detected ${q.dash} or when you press the action button.`,
    ],
    [
      'Can I delete my voice recordings?',
      `Yes. You can delete your voice recordings by saying ${q.o}Alexa, delete what I just said${q.c} or in the Alexa app.`,
    ],
    [
      'How do I know when Alexa is listening?',
      `A blue light indicator appears on your Echo device when audio is being sent to the cloud.${stage === 2 ? '  ' : ' '}You can also turn on a short audible tone.`,
    ],
  ];
  const data = JSON.stringify(faq).replace(/</g, '\\u003c');
  const body = `<h1>Alexa Privacy FAQ</h1><div id="faq" aria-live="polite"></div>
<script>
  const items = ${data};
  const root = document.getElementById('faq');
  for (const [question, answer] of items) {
    const h = document.createElement('h2'); h.textContent = question; root.appendChild(h);
    const p = document.createElement('p'); p.textContent = answer; root.appendChild(p);
  }
  root.setAttribute('data-ready', 'true');
</script>`;
  return furniture('Alexa Privacy FAQ', body, now, requestId);
}
