import { type ChangeNotification } from '../change-notification';

/** The version of the webhook payload format; see docs/webhooks.md. */
export const WEBHOOK_PAYLOAD_VERSION = '2026-11-01';

export interface WebhookEvent {
  type: 'change.detected' | 'ping';
  version: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export function changeDetectedEvent(n: ChangeNotification, now = new Date()): WebhookEvent {
  return {
    type: 'change.detected',
    version: WEBHOOK_PAYLOAD_VERSION,
    timestamp: now.toISOString(),
    data: {
      change: {
        id: n.changeId,
        summary: n.summary,
        severity: n.severity,
        cosmetic: n.cosmetic,
        tags: n.tags,
        topics: n.topics,
        kinds: n.kinds,
        stats: n.stats,
        detectedAt: n.detectedAt,
        links: n.links,
      },
      document: n.document,
      vendor: n.vendor,
    },
  };
}

export function pingEvent(endpointId: string, now = new Date()): WebhookEvent {
  return {
    type: 'ping',
    version: WEBHOOK_PAYLOAD_VERSION,
    timestamp: now.toISOString(),
    data: { endpointId, message: 'Fineprint webhook test' },
  };
}

/**
 * The body of a change's `change.detected` event for a given time, byte for byte
 * `JSON.stringify(changeDetectedEvent(n, now))`: the change's part is serialised once,
 * since a fan-out sends the same change to thousands of endpoints.
 */
export function changeDetectedBody(n: ChangeNotification): (now?: Date) => string {
  const { type, version, data } = changeDetectedEvent(n);
  const head = `{"type":${JSON.stringify(type)},"version":${JSON.stringify(version)},"timestamp":`;
  const tail = `,"data":${JSON.stringify(data)}}`;
  return (now = new Date()) => `${head}${JSON.stringify(now.toISOString())}${tail}`;
}
