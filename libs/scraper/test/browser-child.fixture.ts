// Run by browser-orphans.int-spec.ts in its own process: fetch one page with Chromium, print
// the browser's pid, then wait to be killed.
import { BrowserFetcher } from '../src/browser-fetcher';

const [url, chromiumPath] = process.argv.slice(2);
const fetcher = new BrowserFetcher({ allowPrivateNetworks: true, chromiumPath, timeoutMs: 20_000 });
void fetcher.fetch(url ?? 'about:blank').then(
  () => {
    const pid = (fetcher as unknown as { browser: Promise<{ process(): { pid?: number } | null }> }).browser;
    void pid.then((b) => {
      process.stdout.write(`browser ${b.process()?.pid ?? 0}\n`);
      setInterval(() => undefined, 1000);
    });
  },
  (error: unknown) => {
    process.stderr.write(`fetch failed: ${String(error)}\n`);
    process.exit(1);
  },
);
