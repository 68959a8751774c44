import { type ParsedMail } from 'mailparser';

import { type DemoSite } from '../demo-site/demo-site';
import { type SmtpSink } from '../sinks/smtp-sink';
import { type ReceivedWebhook, type WebhookReceiver } from '../sinks/webhook-receiver';

export interface StoryChange {
  id: string;
  documentTitle: string;
  summary: string;
  severity: string;
  state: string;
  kinds: string[];
  topics: string[];
  tags: { kind: string | null; topic: string | null; citations: { side: string; text: string }[] }[];
}

export interface StoryResult {
  documents: { id: string; title: string }[];
  changes: StoryChange[];
  emails: ParsedMail[];
  webhooks: ReceivedWebhook[];
  subscribers: { owner: string; aiWatcher: string };
}

export interface StoryEnv {
  apiUrl: string;
  adminToken: string;
  site: DemoSite;
  smtp: SmtpSink;
  hooks: WebhookReceiver;
  narrate?: (line: string) => void;
  /** How long to wait for each step (the confirmation delay plus delivery). */
  stepTimeoutMs?: number;
}

async function call<T>(
  env: StoryEnv,
  method: string,
  path: string,
  body?: unknown,
  admin = false,
): Promise<T> {
  const response = await fetch(`${env.apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(admin ? { authorization: `Bearer ${env.adminToken}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | null | undefined | false>,
  explain?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const state = explain ? await explain().catch((e: unknown) => `(state unavailable: ${String(e)})`) : '';
      throw new Error(`timed out waiting for ${what}${state ? `\n${state}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The reason Fineprint exists, played on one machine: a help article loses its "Do Not
 * Send Voice Recordings" section, the privacy notice gains a sentence about training AI
 * on voice interactions, the FAQ gets a cosmetic edit. Fineprint is driven only through
 * its public API; the story returns what subscribers received.
 */
export async function runAlexaStory(env: StoryEnv): Promise<StoryResult> {
  const say = env.narrate ?? (() => undefined);
  const timeout = env.stepTimeoutMs ?? 60_000;
  const owner = 'echo-owner@example.com';
  const aiWatcher = 'ai-watcher@example.com';

  say(
    `Tracking ${env.site.documents.length} Amazon pages served by the simulated vendor site at ${env.site.url}`,
  );
  const documents: { id: string; title: string }[] = [];
  for (const d of env.site.documents) {
    const doc = await call<{ id: string; title: string }>(
      env,
      'POST',
      '/api/v1/documents',
      {
        vendor: 'Amazon',
        title: d.title,
        url: `${env.site.url}${d.path}`,
        type: d.type,
        select: d.select,
        remove: d.remove,
        fetch: d.fetch,
        intervalMinutes: 60,
        language: 'en',
      },
      true,
    );
    documents.push(doc);
    say(
      `  + ${d.title} (${d.fetch === 'browser' ? 'rendered by scripts: fetched with Chromium' : 'plain HTTP'}) → ${env.apiUrl}/documents/${doc.id}`,
    );
  }

  say(`Subscribing ${owner} to every Amazon change, and ${aiWatcher} to changes about AI training`);
  for (const [email, scope] of [
    [owner, { vendor: 'amazon' }],
    [aiWatcher, { topic: 'ai-training' }],
  ] as const) {
    await call(env, 'POST', '/api/v1/subscriptions', { email, scope });
    const confirmation = await env.smtp.waitFor(
      (m) => m.subject === '[Fineprint] Confirm your subscription' && JSON.stringify(m.to).includes(email),
      timeout,
    );
    const link = /(http\S+\/subscriptions\/confirm\?token=[\w-]+)/.exec(confirmation.text ?? '')?.[1];
    if (!link) throw new Error(`no confirmation link in the email to ${email}`);
    // the link opens a page whose button confirms with a POST to the same URL (a GET changes nothing)
    const page = await fetch(link, { headers: { accept: 'text/html' } });
    if (!page.ok || !(await page.text()).includes('method="post"'))
      throw new Error(`the confirmation page for ${email} has no button: ${page.status}`);
    const confirmed = await fetch(link, { method: 'POST', headers: { accept: 'application/json' } });
    if (!confirmed.ok) throw new Error(`confirming ${email} failed: ${confirmed.status}`);
    say(`  ✓ ${email} confirmed through the link in its email`);
  }
  const hook = await call<{ id: string; secret: string }>(
    env,
    'POST',
    '/api/v1/webhooks',
    { url: `${env.hooks.url}/alexa`, scope: { vendor: 'amazon' } },
    true,
  );
  env.hooks.setSecret(hook.secret, '/alexa');
  say(`Registered a webhook receiver at ${env.hooks.url}/alexa (signed with its own secret)`);

  const versions = async (id: string) =>
    (await call<{ items: { status: string }[] }>(env, 'GET', `/api/v1/documents/${id}/versions`)).items;
  const checkAll = async () => {
    for (const d of documents) await call(env, 'POST', `/api/v1/documents/${d.id}/check`, undefined, true);
  };

  say('Check 1: recording a baseline of each page');
  await checkAll();
  for (const d of documents)
    await until(`a baseline of ${d.title}`, timeout, async () => (await versions(d.id)).length === 1);
  say('  ✓ baselines recorded');

  say('Check 2: the pages are fetched again (their timestamps and tracking links differ on every request)');
  const before = await Promise.all(
    documents.map(
      async (d) =>
        (await call<{ lastCheckedAt: string | null }>(env, 'GET', `/api/v1/documents/${d.id}`)).lastCheckedAt,
    ),
  );
  await checkAll();
  for (const [i, d] of documents.entries()) {
    await until(
      `a second check of ${d.title}`,
      timeout,
      async () =>
        (await call<{ lastCheckedAt: string | null }>(env, 'GET', `/api/v1/documents/${d.id}`))
          .lastCheckedAt !== before[i],
    );
  }
  say(
    `  ✓ no new version: ${(await Promise.all(documents.map((d) => versions(d.id)))).every((v) => v.length === 1) ? 'the noise is not a change' : 'unexpected!'}`,
  );

  say('28 March 2025: Amazon edits its pages');
  env.site.setStage(2);
  say('Check 3: Fineprint sees new texts, and re-checks after a short delay before announcing');
  await checkAll();
  const changes: StoryChange[] = [];
  for (const d of documents) {
    const change = await until(
      `the change of ${d.title}`,
      timeout,
      async () => {
        const list = await call<{ items: { id: string; state: string }[] }>(
          env,
          'GET',
          `/api/v1/changes?documentId=${d.id}`,
        );
        return list.items.find((c) => c.state === 'announced');
      },
      // what a flaky run needs to be understood: the document, its versions and its changes
      async () =>
        JSON.stringify({
          document: await call(env, 'GET', `/api/v1/documents/${d.id}`),
          versions: await call(env, 'GET', `/api/v1/documents/${d.id}/versions`),
          changes: await call(env, 'GET', `/api/v1/changes?documentId=${d.id}`),
        }).slice(0, 4000),
    );
    const full = await call<StoryChange>(env, 'GET', `/api/v1/changes/${change.id}`);
    changes.push({ ...full, documentTitle: d.title });
    say(`  ✓ ${full.severity.toUpperCase()}: ${full.summary}`);
    for (const tag of full.tags.filter((t) => t.kind)) {
      say(
        `      ${[tag.kind, tag.topic].filter(Boolean).join(' · ')}: ${tag.citations.map((c) => `${c.side === 'removed' ? '−' : '+'} “${c.text}”`).join(' ')}`,
      );
    }
    say(`      ${env.apiUrl}/changes/${full.id}`);
  }

  const substantive = changes.filter((c) => c.severity !== 'cosmetic');
  const expectedOwner = substantive.length;
  const expectedAi = substantive.filter((c) => c.topics.includes('ai-training')).length;
  const emails = [
    ...(await env.smtp.waitForCount(
      (m) =>
        m.subject?.startsWith('[Fineprint] ') === true &&
        !m.subject.includes('Confirm') &&
        JSON.stringify(m.to).includes(owner),
      expectedOwner,
      timeout,
    )),
    ...(await env.smtp.waitForCount(
      (m) =>
        m.subject?.startsWith('[Fineprint] ') === true &&
        !m.subject.includes('Confirm') &&
        JSON.stringify(m.to).includes(aiWatcher),
      expectedAi,
      timeout,
    )),
  ];
  for (const m of emails)
    say(`  ✉ ${JSON.stringify(m.to && 'text' in m.to ? m.to.text : m.to)}: ${m.subject ?? ''}`);
  const webhooks = await env.hooks.waitFor(expectedOwner, timeout, (r) => r.path === '/alexa');
  for (const w of webhooks) {
    const event = JSON.parse(w.body) as { type: string; data: { change: { summary: string } } };
    say(
      `  ⚑ webhook ${event.type} (${w.verified ? 'valid signature' : 'INVALID signature'}): ${event.data.change.summary}`,
    );
  }
  await new Promise((r) => setTimeout(r, 1500)); // anything extra would arrive now
  say(
    `Feeds: ${env.apiUrl}/feeds/changes.atom · ${env.apiUrl}/feeds/vendors/amazon.rss · ${env.apiUrl}/feeds/topics/voice-recordings.json`,
  );
  return {
    documents,
    changes,
    emails: env.smtp.messages.filter((m) => !m.subject?.includes('Confirm')),
    webhooks: env.hooks.received.filter((r) => r.path === '/alexa'),
    subscribers: { owner, aiWatcher },
  };
}
