import { changeNotificationFixture } from '../test/change-notification.fixture';
import { renderChangeEmail } from './render-change-email';
import { renderConfirmationEmail } from './render-confirmation-email';
import { renderDigestEmail } from './render-digest-email';

const UNSUBSCRIBE = 'https://fp.example/api/v1/subscriptions/unsubscribe?token=t&x=1';

describe('email templates', () => {
  it('a change email is a whole, headed, English document with the unsubscribe link escaped', () => {
    const { html, text } = renderChangeEmail(changeNotificationFixture(), UNSUBSCRIBE);
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('>What it means</h2>');
    expect(html).toContain('>What changed</h2>');
    expect(html).toContain('Opt-out removed · voice recordings');
    expect(html).toContain('href="https://fp.example/api/v1/subscriptions/unsubscribe?token=t&amp;x=1"');
    expect(text).toContain('* Opt-out removed / voice recordings');
    expect(text).toContain(`Unsubscribe: ${UNSUBSCRIBE}`);
    expect(text).not.toMatch(/<[a-z]/);
  });

  it('a change without meaning tags says what kind of edit it was and has no "What it means"', () => {
    const plain = changeNotificationFixture({ tags: [], kinds: [], topics: [], severity: 'low' });
    expect(renderChangeEmail(plain, UNSUBSCRIBE).subject).toBe(
      '[Fineprint] Low: Amazon – Alexa Privacy Settings: wording changed',
    );
    expect(renderChangeEmail(plain, UNSUBSCRIBE).html).not.toContain('What it means');
    const cosmetic = { ...plain, severity: 'cosmetic' as const, cosmetic: true };
    expect(renderChangeEmail(cosmetic, UNSUBSCRIBE).subject).toBe(
      '[Fineprint] Cosmetic: Amazon – Alexa Privacy Settings: cosmetic edit',
    );
  });

  it('the subject names the kinds the tags carry, not the parent kinds listed beside them for filters', () => {
    const n = changeNotificationFixture({
      tags: [{ topic: 'retention', kind: 'retention-shortened', rule: 'pair:retention', citations: [] }],
      kinds: ['retention-shortened', 'retention-changed'],
      topics: ['retention'],
      severity: 'medium',
    });
    expect(renderChangeEmail(n, UNSUBSCRIBE).subject).toBe(
      '[Fineprint] Medium: Amazon – Alexa Privacy Settings: retention shortened',
    );
  });

  it('each tag says what decided it: a rule, or the learned model with its probability, and its severity', () => {
    const n = changeNotificationFixture({
      tags: [
        {
          topic: 'voice-recordings',
          kind: 'opt-out-removed',
          rule: 'removed:choice-offered',
          source: 'rule',
          score: 1,
          severity: 'high',
          severityRule: 'opt-out-removed',
          citations: [{ side: 'removed', text: 'You can turn on Do Not Send Voice Recordings.' }],
        },
        {
          topic: null,
          kind: 'sharing-expanded',
          rule: 'added:model:sharing',
          source: 'model',
          score: 0.83,
          severity: 'medium',
          severityRule: 'sharing-expanded',
          citations: [{ side: 'added', text: 'Our partners receive usage data.' }],
        },
      ],
    });
    const { html, text } = renderChangeEmail(n, UNSUBSCRIBE);
    expect(html).toContain('(rule removed:choice-offered; high by severity rule opt-out-removed)');
    expect(text).toContain(
      '* Sharing expanded (learned model sharing, p = 0.83; medium by severity rule sharing-expanded)',
    );
  });

  it('the confirmation escapes the scope and the link in HTML and keeps them as written in text', () => {
    const { html, text } = renderConfirmationEmail(
      'https://fp.example/api/v1/subscriptions/confirm?token=a&b',
      'changes by <Evil>',
    );
    expect(html).toContain('about changes by &lt;Evil&gt;.');
    expect(html).toContain('href="https://fp.example/api/v1/subscriptions/confirm?token=a&amp;b"');
    expect(text).toContain('about changes by <Evil>.');
    expect(text).toContain('Confirm: https://fp.example/api/v1/subscriptions/confirm?token=a&b');
  });

  it('a digest of one change is singular, and escapes summaries', () => {
    const { subject, html } = renderDigestEmail(
      '2026-11-01',
      [changeNotificationFixture({ summary: 'A <b>bold</b> move' })],
      UNSUBSCRIBE,
    );
    expect(subject).toBe('[Fineprint] 1 change on 2026-11-01');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; move');
    expect(html).not.toContain('<b>bold</b>');
  });
});
