import { htmlToMarkdown } from './html-to-markdown';
import { FetchError } from './scraper.errors';

const URL = 'https://vendor.example/legal/privacy';
const md = (html: string, options: Partial<Parameters<typeof htmlToMarkdown>[1]> = {}) =>
  htmlToMarkdown(html, { url: URL, ...options }).markdown;

function failure(run: () => unknown): FetchError {
  try {
    run();
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError');
}

describe('htmlToMarkdown: hidden content', () => {
  const page = `<body>
    <div aria-hidden="true" class="app"><main><h1>Privacy</h1><p>We keep your data.</p>
      <span aria-hidden="true">★</span></main></div>
    <div role="dialog"><p>We use cookies.</p></div></body>`;

  it('keeps a selected <main> that sits inside an aria-hidden wrapper (a cookie dialog is open)', () => {
    expect(md(page, { select: ['main'] })).toBe('# Privacy\n\nWe keep your data.');
  });

  it('keeps the wrapper without select too, when it holds the page text, and drops hidden furniture', () => {
    const text = md(page);
    expect(text).toContain('We keep your data.');
    expect(text).not.toContain('★');
    expect(md('<body><p>Text of the policy.</p><div hidden>Old menu</div></body>')).toBe(
      'Text of the policy.',
    );
  });

  it('drops hidden matches (closed tabs) when a visible one exists', () => {
    const tabs = `<div class="tab"><p>English text.</p></div><div hidden><div class="tab"><p>Deutscher Text.</p></div></div>`;
    expect(md(tabs, { select: ['.tab'] })).toBe('English text.');
  });

  it('says a missing select is a declaration problem, not the vendor blocking us', () => {
    expect(failure(() => md(page, { select: ['#nowhere'] }))).toMatchObject({
      kind: 'declaration',
      code: 'SELECTOR_NOT_FOUND',
    });
    expect(failure(() => md(page, { select: ['main['] }))).toMatchObject({
      kind: 'declaration',
      code: 'INVALID_SELECTOR',
    });
  });
});

describe('htmlToMarkdown: tables with block content in cells', () => {
  const table = `<table style="height: 120px" class="wp-table">
    <thead><tr><th>Purpose</th><th>Data</th></tr></thead>
    <tbody><tr style="height: 48px"><td><h4 class="x">Ads</h4></td>
      <td><ul class="list"><li>IP address</li><li>Device <strong>id</strong></li></ul></td></tr></tbody></table>`;

  it('renders them as a Markdown table, with no class names, styles or sizes', () => {
    const text = md(table);
    expect(text).not.toMatch(/<table|class=|style=|px/);
    expect(text).toContain('| Purpose | Data |');
    expect(text).toMatch(/\| \*\*Ads\*\* \| • IP address<br>• Device \*\*id\*\* \|/);
  });
});

describe('htmlToMarkdown: links', () => {
  it('keeps the alt text of a link that holds only an image', () => {
    expect(md('<p><a href="/certified"><img src="badge.png" alt="TRUSTe certified"></a></p>')).toBe(
      '[TRUSTe certified](https://vendor.example/certified)',
    );
    expect(md('<p>Text <a href="/x"><img src="spacer.gif" alt=""></a></p>')).toBe('Text');
  });

  it('drops per-request identifiers from link queries, and keeps stable parameters', () => {
    const page = (did: string, ts: string) =>
      md(
        `<p><a href="https://vendor.example/app?acme_did=${did}&acme_referred=${ts}&lang=en&page=2">app</a> <a href="/terms.pdf?${ts}">pdf</a></p>`,
      );
    const first = page('3f1c9a7e-52b4-4c1e-9d8a-0b6e2f4a7c11', '1674724192455');
    const second = page('a81bc9d2-77e0-4f3b-8a6c-5d2e9f0b1a34', '1674810592013');
    expect(first).toBe(second);
    expect(first).toBe(
      '[app](https://vendor.example/app?lang=en&page=2) [pdf](https://vendor.example/terms.pdf)',
    );
    const generated = (t: string) =>
      md(`<a href="https://help.vendor.example/?from=home&date=${t}">help</a>`);
    expect(generated('2025-12-10 13:30:07')).toBe(generated('2025-12-11 01:30:12'));
    expect(generated('2025-12-10 13:30:07')).toBe('[help](https://help.vendor.example/?from=home)');
    const token = (t: string) => md(`<a href="https://vendor.example/r?session_did=${t}">r</a>`);
    expect(token('Xk9fQ2mZ7pL4vR8tY3wB6nC1')).toBe(token('Hq4sW8eR2tY6uI0oP3aS7dF5'));
    // words, slugs and short ids are content
    expect(md('<a href="https://vendor.example/faq?q=001&topic=data-retention&id=4512">faq</a>')).toBe(
      '[faq](https://vendor.example/faq?id=4512&q=001&topic=data-retention)',
    );
  });
});

describe('htmlToMarkdown: range selectors (Open Terms Archive semantics)', () => {
  const page = `<body><div class="wrap"><h2 id="a">Privacy</h2><p>One.</p>
    <section><p>Two.</p><h2 id="b">Cookies</h2><p>Three.</p></section></div>
    <footer id="f">Footer</footer></body>`;

  it('selects from a point before or after the start node to one before or after the end node', () => {
    expect(md(page, { select: [{ startBefore: '#a', endBefore: '#b' }] })).toBe('## Privacy\n\nOne.\n\nTwo.');
    expect(md(page, { select: [{ startAfter: '#a', endAfter: '#b' }] })).toBe('One.\n\nTwo.\n\n## Cookies');
    expect(md(page, { select: ['{"startBefore":"#b","endBefore":"#f"}'] })).toBe('## Cookies\n\nThree.');
  });

  it('takes several ranges in document order, and removes ranges too', () => {
    expect(
      md(page, {
        select: [
          { startBefore: '#b', endBefore: '#f' },
          { startBefore: '#a', endAfter: '#a' },
        ],
      }),
    ).toBe('## Privacy\n\n## Cookies\n\nThree.');
    expect(md(page, { select: ['.wrap'], remove: [{ startAfter: '#a', endBefore: '#b' }] })).toBe(
      '## Privacy\n\n## Cookies\n\nThree.',
    );
  });

  it('fails as a declaration problem when a range bound matches nothing', () => {
    expect(failure(() => md(page, { select: [{ startBefore: '#a', endBefore: '#gone' }] }))).toMatchObject({
      kind: 'declaration',
      code: 'SELECTOR_NOT_FOUND',
    });
    // one missing bound fails the whole extraction, even beside a range that matches
    expect(
      failure(() =>
        md(page, {
          select: [
            { startBefore: '#a', endBefore: '#b' },
            { startBefore: '#b', endBefore: '#gone' },
          ],
        }),
      ).message,
    ).toContain('#gone');
    expect(failure(() => md(page, { select: [{ startBefore: '#f', endBefore: '#a' }] }))).toMatchObject({
      kind: 'declaration',
      code: 'SELECTOR_NOT_FOUND',
    });
    expect(failure(() => md(page, { select: ['{"startBefore":"#a"}'] }))).toMatchObject({
      code: 'INVALID_SELECTOR',
    });
  });
});

describe('htmlToMarkdown: protected e-mail addresses', () => {
  it('decodes them, so a fresh encoding key on each fetch does not change the text', () => {
    const encode = (email: string, key: number) =>
      key.toString(16).padStart(2, '0') +
      [...Buffer.from(email)].map((b) => (b ^ key).toString(16).padStart(2, '0')).join('');
    const page = (key: number) =>
      md(
        `<p>Write to <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="${encode('privacy@vendor.example', key)}">[email&#160;protected]</a>.</p>`,
      );
    expect(page(0x12)).toBe('Write to privacy@vendor.example.');
    expect(page(0xa7)).toBe(page(0x12));
  });
});
