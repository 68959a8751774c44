import { checkPublicUrl } from './check-public-url';

describe('checkPublicUrl (registration of documents and webhooks)', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.1/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://[::1]/',
    'http://[::127.0.0.1]/',
    'http://[::ffff:127.0.0.1]:8080/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[fec0::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://localhost:3000/',
    'http://app.localhost/',
    'http://printer.local/',
    'http://intranet/',
    'http://10.0.0.1/',
    'http://[fd00::1]/',
  ])('refuses %s', async (url) => {
    expect((await checkPublicUrl(url)).ok).toBe(false);
  });

  it('accepts a public address, and a name it cannot resolve (the connect-time guard still applies)', async () => {
    expect((await checkPublicUrl('https://93.184.216.34/')).ok).toBe(true);
    expect((await checkPublicUrl('https://[2606:4700:4700::1111]/')).ok).toBe(true);
    expect((await checkPublicUrl('https://vendor.invalid/privacy', { timeoutMs: 500 })).ok).toBe(true);
  });
});
