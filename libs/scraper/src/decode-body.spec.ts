import iconv from 'iconv-lite';

import { decodeBody } from './decode-body';
import { extractDocument } from './extract-document';
import { FetchError } from './scraper.errors';

const JAPANESE =
  'このプライバシーポリシーは、当社がお客様の個人情報をどのように収集、利用、共有するかを説明します。当社は、法令に基づく場合を除き、お客様の同意なく第三者に個人情報を提供しません。';
const page = (body: string, head = '') =>
  `<!doctype html><html><head>${head}<title>Policy</title></head><body><main><p>${body}</p></main></body></html>`;
/** The first bytes of a real PNG (signature, IHDR) followed by compressed-looking data. */
const png = () => {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(
    bytes,
  );
  let x = 7;
  for (let i = 16; i < bytes.length; i++) bytes[i] = x = (x * 1103515245 + 12345) & 0xff;
  return bytes;
};

function failure(run: () => unknown): FetchError {
  try {
    run();
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError');
}

describe('decodeBody', () => {
  it('takes the charset from the BOM before the header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('Données'))]);
    expect(decodeBody(body, 'text/html; charset=iso-8859-1')).toMatchObject({
      charset: 'utf-8',
      source: 'bom',
    });
    expect(decodeBody(body, 'text/html; charset=iso-8859-1').text).toContain('Données');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('Zürich'), 'utf-16le')]);
    expect(decodeBody(utf16, 'text/html').text).toContain('Zürich');
  });

  it('takes the header, then <meta>, and reads latin-1 as windows-1252', () => {
    const latin = iconv.encode(page('Protección de datos: año, niño'), 'latin1');
    expect(decodeBody(latin, 'text/html; charset=ISO-8859-1')).toMatchObject({
      charset: 'windows-1252',
      source: 'header',
    });
    const meta = iconv.encode(page('año', '<meta charset="iso-8859-1">'), 'latin1');
    expect(decodeBody(meta, 'text/html')).toMatchObject({ charset: 'windows-1252', source: 'meta' });
    expect(decodeBody(meta, 'text/html').text).toContain('año');
  });

  it('detects the charset of an undeclared page that is not UTF-8', () => {
    const sjis = iconv.encode(page(JAPANESE), 'shift_jis');
    const decoded = decodeBody(sjis, 'text/html');
    expect(decoded).toMatchObject({ charset: 'shift_jis', source: 'detected' });
    expect(decoded.text).toContain(JAPANESE);
    expect(decodeBody(Buffer.from(page(JAPANESE)), null)).toMatchObject({ charset: 'utf-8' });
  });

  it('decodes Shift_JIS served as UTF-8 by its real charset', () => {
    const sjis = iconv.encode(page(JAPANESE, '<meta charset="utf-8">'), 'shift_jis');
    const decoded = decodeBody(sjis, 'text/html; charset=utf-8');
    expect(decoded).toMatchObject({ charset: 'shift_jis', source: 'detected' });
    expect(decoded.text).toContain(JAPANESE);
  });

  it('keeps a UTF-8 page with a stray byte as UTF-8, as browsers do', () => {
    const body = Buffer.concat([
      Buffer.from(page(`Zürich — “quoted” ${'text '.repeat(40)}caf`)),
      Buffer.from([0xe9]),
      Buffer.from(' end'),
    ]);
    const decoded = decodeBody(body, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('Zürich — “quoted”');
  });

  it('refuses a PNG and other binary data served as text/html', () => {
    const error = failure(() => decodeBody(png(), 'text/html; charset=utf-8'));
    expect(error).toMatchObject({ kind: 'permanent', code: 'BINARY_CONTENT' });
    expect(error.message).toContain('PNG');
    const noise = Buffer.alloc(8192);
    let x = 3;
    for (let i = 0; i < noise.length; i++) noise[i] = x = (x * 1103515245 + 12345) & 0xff;
    expect(failure(() => decodeBody(noise, 'text/html'))).toMatchObject({ code: 'BINARY_CONTENT' });
  });

  it('refuses bytes that say UTF-8 but are in no charset that can be told', () => {
    // valid in no charset the detector trusts: high bytes at random among ASCII words
    const parts: Buffer[] = [];
    let x = 11;
    for (let i = 0; i < 400; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      parts.push(Buffer.from([0x80 + (x % 0x7f)]), Buffer.from(i % 3 ? 'ab ' : ' '));
    }
    const body = Buffer.concat([Buffer.from('<html><body><p>'), ...parts, Buffer.from('</p></body></html>')]);
    const error = failure(() => decodeBody(body, 'text/html; charset=utf-8'));
    expect(error.kind).toBe('permanent');
    expect(['UNDECODABLE_TEXT', 'GARBLED_TEXT']).toContain(error.code);
  });

  it('refuses a page of U+FFFD', () => {
    const body = Buffer.from(page('\uFFFD'.repeat(500)));
    expect(failure(() => decodeBody(body, 'text/html; charset=utf-8'))).toMatchObject({
      kind: 'permanent',
      code: 'GARBLED_TEXT',
    });
  });
});

describe('extractDocument on garbage', () => {
  it('fails with a clear code instead of returning a text', async () => {
    await expect(
      extractDocument({ body: png(), contentType: 'text/html', url: 'https://vendor.example/p' }),
    ).rejects.toMatchObject({ code: 'BINARY_CONTENT' });
    // U+FFFD in the body text, diluted in markup: the extracted text is still garbage
    const diluted = page(
      `Our policy ${'\uFFFD'.repeat(60)}`,
      `<style>${'p { color: red } '.repeat(400)}</style>`,
    );
    await expect(
      extractDocument({
        body: Buffer.from(diluted),
        contentType: 'text/html',
        url: 'https://vendor.example/p',
      }),
    ).rejects.toMatchObject({ code: 'GARBLED_TEXT' });
  });
});
