import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium } from 'playwright-core';
import Parser from 'rss-parser';

import {
  createTestDatabase,
  type DemoSite,
  runAlexaStory,
  type RunningFineprint,
  type SmtpSink,
  startDemoSite,
  startFineprint,
  startSmtpSink,
  startWebhookReceiver,
  type StoryResult,
  type TestDatabase,
  uniqueQueuePrefix,
  type WebhookReceiver,
} from '@fineprint/testing';

const ROOT = resolve(__dirname, '../../..');
const ARTIFACTS = join(ROOT, 'artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
const REMOVED_SENTENCE =
  "When you turn on Do Not Send Voice Recordings, the audio of your Alexa requests is not sent to Amazon's cloud.";

describe('the Alexa story, end to end (API + worker processes, real PostgreSQL, Redis, Chromium, SMTP and webhooks)', () => {
  let db: TestDatabase;
  let site: DemoSite;
  let smtp: SmtpSink;
  let hooks: WebhookReceiver;
  let fineprint: RunningFineprint;
  let story: StoryResult;

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startDemoSite();
    smtp = await startSmtpSink();
    hooks = await startWebhookReceiver();
    fineprint = await startFineprint(
      {
        DATABASE_URL: db.url,
        REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: uniqueQueuePrefix('e2e'),
        ADMIN_TOKEN,
        SMTP_URL: smtp.url,
        ALLOW_PRIVATE_NETWORKS: 'true',
        CONFIRM_DELAY_MS: '1500',
        HOST_SPACING_MS: '0',
        CHROMIUM_PATH: CHROMIUM,
      },
      { quiet: true },
    );
    story = await runAlexaStory({
      apiUrl: fineprint.url,
      adminToken: ADMIN_TOKEN,
      site,
      smtp,
      hooks,
      stepTimeoutMs: 60_000,
    }).catch((error: unknown) => {
      // the apps' last words say why a step never came
      throw new Error(`${(error as Error).message}\n--- fineprint logs\n${fineprint.logs().slice(-6000)}`);
    });
  }, 180_000);

  afterAll(async () => {
    await fineprint?.stop();
    await Promise.all([site?.close(), smtp?.close(), hooks?.close()]);
    await db?.drop();
  });

  const change = (title: string) => {
    const found = story.changes.find((c) => c.documentTitle === title);
    if (!found) throw new Error(`no change for ${title}`);
    return found;
  };

  it('the help article lost its opt-out: opt-out-removed + voice-recordings, high, citing the removed sentence', () => {
    const c = change('Alexa Privacy Settings');
    expect(c.severity).toBe('high');
    expect(c.kinds).toContain('opt-out-removed');
    expect(c.topics).toContain('voice-recordings');
    const tag = c.tags.find((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings');
    expect(tag?.citations).toEqual(expect.arrayContaining([{ side: 'removed', text: REMOVED_SENTENCE }]));
  });

  it('the privacy notice now trains AI on voice interactions: new-data-use + ai-training', () => {
    const c = change('Amazon.com Privacy Notice');
    expect(c.kinds).toContain('new-data-use');
    expect(c.topics).toEqual(expect.arrayContaining(['ai-training', 'voice-recordings']));
  });

  it('the cosmetic FAQ edit and the per-request timestamps produce no notification', () => {
    expect(change('Alexa Privacy FAQ').severity).toBe('cosmetic');
    const subjects = story.emails.map((m) => m.subject ?? '');
    expect(subjects.some((s) => s.includes('FAQ'))).toBe(false);
    expect(story.webhooks.some((w) => w.body.includes('Alexa Privacy FAQ'))).toBe(false);
  });

  it('exactly one email per change and scope, and one signed webhook per change', () => {
    const to = (email: string) =>
      story.emails.filter((m) => JSON.stringify(m.to).includes(email)).map((m) => m.subject);
    expect(to(story.subscribers.owner)).toHaveLength(2);
    expect(to(story.subscribers.aiWatcher)).toHaveLength(1);
    expect(to(story.subscribers.aiWatcher)[0]).toMatch(/Privacy Notice/);
    expect(story.webhooks).toHaveLength(2);
    expect(story.webhooks.every((w) => w.verified)).toBe(true);
    expect(new Set(story.webhooks.map((w) => w.headers['webhook-id'])).size).toBe(2);
  });

  it('the feeds list the announced changes', async () => {
    const atom = await new Parser().parseString(
      await (await fetch(`${fineprint.url}/feeds/changes.atom`)).text(),
    );
    const links = atom.items.map((i) => i.link);
    expect(links).toEqual(
      expect.arrayContaining(
        [change('Alexa Privacy Settings').id, change('Amazon.com Privacy Notice').id].map(
          (id) => `${fineprint.url}/changes/${id}`,
        ),
      ),
    );
    expect(links).not.toContain(`${fineprint.url}/changes/${change('Alexa Privacy FAQ').id}`);
  });

  const withBrowser = existsSync(CHROMIUM) ? it : it.skip;
  withBrowser(
    'the dashboard change page highlights the cited sentence (Playwright, screenshot kept)',
    async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.goto(`${fineprint.url}/changes/${change('Alexa Privacy Settings').id}`);
        const cited = page.locator('mark.fp-cited', { hasText: 'Do Not Send Voice Recordings, the audio' });
        await cited.first().waitFor({ timeout: 15_000 });
        expect(await cited.first().textContent()).toBe(REMOVED_SENTENCE);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/opt-out removed/);
        await page.screenshot({ path: join(ARTIFACTS, 'alexa-change-page.png'), fullPage: true });
        await page.getByRole('tab', { name: 'Side by side' }).click();
        await page.locator('table.fp-side-by-side').waitFor();
        await page.screenshot({ path: join(ARTIFACTS, 'alexa-change-side-by-side.png'), fullPage: true });
        await page.goto(`${fineprint.url}/`);
        await page.locator('ul.changes li').first().waitFor();
        await page.screenshot({ path: join(ARTIFACTS, 'home.png'), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${fineprint.url}/documents/${story.documents[0]?.id ?? ''}`);
        await page.locator('ul.timeline li').first().waitFor();
        await page.screenshot({ path: join(ARTIFACTS, 'document-phone.png'), fullPage: true });

        // subscribe through the form; the confirmation email arrives in the SMTP sink
        await page.setViewportSize({ width: 1200, height: 900 });
        await page.goto(`${fineprint.url}/subscribe`);
        await page.getByLabel('Email address').fill('form-reader@example.com');
        await page.getByLabel('Vendor').selectOption('amazon');
        await page.getByLabel('Minimum severity').selectOption('high');
        await page.getByRole('button', { name: 'Subscribe' }).click();
        await page.getByRole('status').waitFor();
        expect(await page.getByRole('status').textContent()).toMatch(/confirmation link/);
        await page.screenshot({ path: join(ARTIFACTS, 'subscribe.png'), fullPage: true });
        const confirmation = await smtp.waitFor(
          (m) => JSON.stringify(m.to).includes('form-reader@example.com'),
          15_000,
        );
        expect(confirmation.subject).toBe('[Fineprint] Confirm your subscription');
        expect(confirmation.text).toMatch(/changes by Amazon, of high severity/);
        const link =
          /(http\S+\/subscriptions\/confirm\?token=[\w-]+)/.exec(confirmation.text ?? '')?.[1] ?? '';
        // the link opens a page (under its CSP) whose button confirms: opening it changes nothing
        await page.goto(link);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm your subscription');
        await page.getByRole('button', { name: 'Confirm subscription' }).click();
        await page.getByRole('heading', { name: 'Subscription confirmed' }).waitFor();
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Subscription confirmed');
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
