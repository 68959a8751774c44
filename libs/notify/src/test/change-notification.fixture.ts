import { type ChangeNotification } from '../change-notification';

/** A realistic notification for tests (the Alexa story), with overridable fields. */
export function changeNotificationFixture(overrides: Partial<ChangeNotification> = {}): ChangeNotification {
  return {
    changeId: 'c0ffee00-0000-4000-8000-000000000001',
    detectedAt: '2026-11-01T10:00:00.000Z',
    severity: 'high',
    summary: 'Alexa Privacy Settings: opt-out removed (voice recordings); 2 paragraphs removed, 1 added',
    cosmetic: false,
    document: {
      id: 'doc-1',
      title: 'Alexa Privacy Settings',
      url: 'https://www.amazon.example/alexa-privacy',
      type: 'help_article',
    },
    vendor: { id: 'vendor-1', slug: 'amazon', name: 'Amazon' },
    tags: [
      {
        topic: 'voice-recordings',
        kind: 'opt-out-removed',
        rule: 'opt-out-removed/do-not-send',
        citations: [
          {
            side: 'removed',
            text: 'You can choose Do Not Send Voice Recordings to process requests on device.',
          },
        ],
      },
    ],
    topics: ['voice-recordings'],
    kinds: ['opt-out-removed'],
    stats: { wordsAdded: 12, wordsRemoved: 40, changedShare: 0.18 },
    diffExcerpt: {
      unified: '-You can choose Do Not Send Voice Recordings.\n+Your voice recordings are sent to the cloud.',
      html: '<p><del>You can choose Do Not Send Voice Recordings.</del> <ins>Your voice recordings are sent to the cloud.</ins></p>',
    },
    links: {
      change: 'https://fineprint.example/changes/c0ffee00-0000-4000-8000-000000000001',
      fromVersion: 'https://fineprint.example/api/v1/versions/v1',
      toVersion: 'https://fineprint.example/api/v1/versions/v2',
      document: 'https://fineprint.example/documents/doc-1',
    },
    ...overrides,
  };
}
