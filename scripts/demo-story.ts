/**
 * The demo's story (run by scripts/demo.mjs): the simulated Amazon site, an SMTP sink, a
 * webhook receiver and Fineprint (API + worker processes), then the Alexa story narrated.
 */
import {
  createTestDatabase,
  runAlexaStory,
  startDemoSite,
  startFineprint,
  startSmtpSink,
  startWebhookReceiver,
  uniqueQueuePrefix,
} from '@fineprint/testing';

const ADMIN_TOKEN = process.env['ADMIN_TOKEN'] ?? 'demo-admin-token-change-me';
const started = Date.now();
const say = (line: string) =>
  console.log(`${`[${((Date.now() - started) / 1000).toFixed(1)}s]`.padEnd(9)} ${line}`);

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const site = await startDemoSite();
  const smtp = await startSmtpSink();
  const hooks = await startWebhookReceiver();
  say(`simulated vendor site ${site.url} · SMTP sink ${smtp.url} · webhook receiver ${hooks.url}`);
  const fineprint = await startFineprint(
    {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['REDIS_URL'] ?? '',
      QUEUE_PREFIX: uniqueQueuePrefix('demo'),
      ADMIN_TOKEN,
      SMTP_URL: smtp.url,
      ALLOW_PRIVATE_NETWORKS: 'true',
      CONFIRM_DELAY_MS: '3000',
      HOST_SPACING_MS: '200',
      ...(process.env['PORT'] ? { PORT: process.env['PORT'] } : {}),
    },
    { quiet: true },
  );
  say(`Fineprint is up at ${fineprint.url} (queues on ${process.env['REDIS_URL'] ? 'Redis' : 'PostgreSQL'})`);
  // Ctrl-C reaches every process of the terminal's group, the embedded PostgreSQL included,
  // and demo.mjs passes it on too: stop once, and let no cleanup step end in a stack trace
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      say('stopping…');
      const steps: [string, () => Promise<unknown>][] = [
        ['Fineprint', () => fineprint.stop()],
        ['the local servers', () => Promise.all([site.close(), smtp.close(), hooks.close()])],
        ['the demo schema', () => db.drop()],
      ];
      for (const [what, step] of steps)
        await step().catch((error: unknown) =>
          say(`could not clean up ${what} (${(error as Error).message}); nothing else is affected`),
        );
      process.exit(0);
    })());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  try {
    const result = await runAlexaStory({
      apiUrl: fineprint.url,
      adminToken: ADMIN_TOKEN,
      site,
      smtp,
      hooks,
      narrate: say,
    });
    const help = result.changes.find((c) => c.documentTitle === 'Alexa Privacy Settings');
    say(
      `The story played in ${((Date.now() - started) / 1000).toFixed(0)} s: ${result.changes.length} changes, ${result.emails.length} emails, ${result.webhooks.length} webhooks.`,
    );
    console.log(`
Explore (Ctrl-C to stop):
  Dashboard          ${fineprint.url}/
  The Alexa change   ${fineprint.url}/changes/${help?.id ?? ''}
  API docs           ${fineprint.url}/api/docs
  Feeds              ${fineprint.url}/feeds/changes.atom
  Admin              ${fineprint.url}/admin   (token: ${ADMIN_TOKEN})
  Vendor site        ${site.url}/gp/help/alexa-privacy-settings
`);
  } catch (error) {
    console.error(`✗ the story stopped: ${(error as Error).message}`);
    console.error(fineprint.logs().slice(-3000));
  }
}

void main();
