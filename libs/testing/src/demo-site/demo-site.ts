import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

import { alexaFaqPage, alexaPrivacySettingsPage, type DemoStage, privacyNoticePage } from './demo-pages';

export interface DemoSite {
  url: string;
  /** The documents the demo tracks, with their declarations. */
  documents: {
    slug: string;
    title: string;
    path: string;
    type: string;
    fetch: 'http' | 'browser';
    select: string[];
    remove: string[];
  }[];
  stage(): DemoStage;
  /** Moves the site to the given stage (after the baseline has been recorded). */
  setStage(stage: DemoStage): void;
  hits(path: string): number;
  close(): Promise<void>;
}

const PAGES: Record<string, (stage: DemoStage, now: Date, requestId: string) => string> = {
  '/gp/help/alexa-privacy-settings': alexaPrivacySettingsPage,
  '/gp/help/privacy-notice': privacyNoticePage,
  '/alexa-privacy/faq': alexaFaqPage,
};

/** A simulated vendor site on 127.0.0.1 that moves along the Alexa timeline. */
export async function startDemoSite(port = 0): Promise<DemoSite> {
  let stage: DemoStage = 1;
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = PAGES[path];
    if (!page) {
      res
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end("<h1>Page not found</h1><p>We're sorry.</p>");
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(page(stage, new Date(), randomBytes(6).toString('hex')));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const common = { select: ['#help-content'], remove: ['.generated'] };
  return {
    url,
    documents: [
      {
        slug: 'alexa-privacy-settings',
        title: 'Alexa Privacy Settings',
        path: '/gp/help/alexa-privacy-settings',
        type: 'help_article',
        fetch: 'http',
        ...common,
      },
      {
        slug: 'privacy-notice',
        title: 'Amazon.com Privacy Notice',
        path: '/gp/help/privacy-notice',
        type: 'privacy_notice',
        fetch: 'http',
        ...common,
      },
      {
        slug: 'alexa-privacy-faq',
        title: 'Alexa Privacy FAQ',
        path: '/alexa-privacy/faq',
        type: 'faq',
        fetch: 'browser',
        select: ['#faq[data-ready="true"]'],
        remove: ['script'],
      },
    ],
    stage: () => stage,
    setStage: (next) => {
      stage = next;
    },
    hits: (path) => hits.get(path) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
