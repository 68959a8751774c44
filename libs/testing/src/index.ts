export {
  createTestDatabase,
  testConfig,
  type TestDatabase,
  uniqueQueuePrefix,
} from './database/test-database';
export { freePort, startRedisServer } from './services/redis-server';
export { type DemoSite, startDemoSite } from './demo-site/demo-site';
export { type FixtureSite, POLICY_HTML, startFixtureSite } from './fixture-site/fixture-site';
export { minimalPdf } from './fixture-site/minimal-pdf';
export { type SmtpSink, startSmtpSink } from './sinks/smtp-sink';
export {
  type Behaviour,
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from './sinks/webhook-receiver';
export { seedChange, seedEndpoints, seedSubscribers } from './database/seed-change';
export { createTestDocument } from './database/test-document';
export { runAlexaStory, type StoryChange, type StoryEnv, type StoryResult } from './story/alexa-story';
export { type RunningFineprint, startFineprint } from './story/start-fineprint';
export { createTestContext } from './nest/test-context';
export {
  appCommand,
  type AppName,
  buildInto,
  launchApp,
  type RunningApp,
  waitHealthy,
} from './cluster/built-apps';
