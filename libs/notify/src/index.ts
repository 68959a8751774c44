export {
  type ChangeNotification,
  type NotificationTag,
  type Severity,
  classificationOf,
  toChangeNotification,
} from './change-notification';
export { type DeliverOutcome, DeliverService } from './deliver/deliver.service';
export { EmailChannel, type EmailMessage, EmailSendError } from './email/email.channel';
export { escapeHtml } from './email/escape-html';
export { renderChangeEmail, type RenderedEmail } from './email/render-change-email';
export { renderConfirmationEmail } from './email/render-confirmation-email';
export { renderDigestEmail } from './email/render-digest-email';
export { DigestService } from './fan-out/digest.service';
export { DELIVERY_JOB_OPTIONS, type FanOutReport, FanOutService } from './fan-out/fan-out.service';
export { FEED_CONTENT_TYPES, type FeedFormat, feedEtag, type FeedMeta, renderFeed } from './feed/render-feed';
export { type ChangeFacts, describeScope, matchesScope, type Scope } from './match-scope';
export { NotifyModule } from './notify.module';
export { PermanentDeliveryError, TransientDeliveryError } from './notify.errors';
export {
  MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY,
  RESEND_AFTER_MS,
  type SubscriptionRequest,
  SubscriptionRequestService,
} from './subscribe/subscription-request.service';
export { SubscriptionTokens } from './subscription-tokens';
export {
  changeDetectedEvent,
  pingEvent,
  WEBHOOK_PAYLOAD_VERSION,
  type WebhookEvent,
} from './webhook/webhook-payload';
export {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookHeaders,
} from './webhook/standard-webhooks.signer';
export {
  retryDelayMs,
  shouldDisable,
  WebhookChannel,
  type WebhookChannelOptions,
  type WebhookSendResult,
} from './webhook/webhook.channel';
