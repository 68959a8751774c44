import { analyzeChange } from './analyze-change';

const SETTINGS_BEFORE = `# Alexa Privacy Settings

Alexa is designed to protect your privacy. You can review and manage your voice recordings at any time.

## Review Voice History

You can see and listen to the voice recordings associated with your account, and delete them.

## Do Not Send Voice Recordings

On supported Echo devices you can choose to have your voice requests processed locally, on the device. When you turn on **Do Not Send Voice Recordings**, the audio of your Alexa requests is not sent to Amazon's cloud.

You can turn this setting on or off at any time in the Alexa app.

## Manage Smart Home Device History

You can review and delete the history of your smart home devices.`;

const SETTINGS_AFTER = SETTINGS_BEFORE.replace(
  /## Do Not Send Voice Recordings[\s\S]*?in the Alexa app\./,
  `## How your voice requests are processed

Starting March 28, 2025, your voice requests are sent to and processed in the secure Amazon cloud, and voice recordings are deleted after Alexa processes your requests.`,
);

describe('classifyChange on the Alexa story', () => {
  it('removing "Do Not Send Voice Recordings" is opt-out-removed + voice-recordings, severity high, citing the removed sentence', () => {
    const { classification, summary } = analyzeChange(SETTINGS_BEFORE, SETTINGS_AFTER, {
      title: 'Alexa Privacy Settings',
    });
    expect(classification.severity).toBe('high');
    expect(classification.severityRule).toBe('opt-out-removed');
    expect(classification.kinds).toContain('opt-out-removed');
    const tag = classification.tags.find(
      (t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings',
    );
    expect(tag).toBeDefined();
    expect(tag?.citations).toEqual(
      expect.arrayContaining([
        {
          side: 'removed',
          text: "When you turn on Do Not Send Voice Recordings, the audio of your Alexa requests is not sent to Amazon's cloud.",
        },
      ]),
    );
    expect(summary).toMatch(/^Alexa Privacy Settings: opt-out removed \(voice recordings/);
  });

  it('adding "we use your voice recordings to train our models" is new-data-use + ai-training + voice-recordings', () => {
    const before = '# Privacy Notice\n\nWe use your personal information to provide our services.';
    const after = `${before}\n\nWe use your voice recordings to train our models.`;
    const { classification } = analyzeChange(before, after);
    expect(classification.kinds).toContain('new-data-use');
    expect(classification.topics).toEqual(expect.arrayContaining(['ai-training', 'voice-recordings']));
    expect(
      classification.tags.find((t) => t.kind === 'new-data-use' && t.topic === 'ai-training')?.citations,
    ).toEqual([{ side: 'added', text: 'We use your voice recordings to train our models.' }]);
    expect(classification.severity).toBe('high');
  });

  it('a reworded opt-out ("turn off" → "disable") is not an opt-out removal', () => {
    const before = 'You can turn off voice recording storage in Settings.';
    const after = 'You can disable voice recording storage in the Settings menu.';
    const { classification } = analyzeChange(before, after);
    expect(classification.kinds).not.toContain('opt-out-removed');
  });

  it('a promise not to use data for training is not a new data use', () => {
    const { classification } = analyzeChange(
      '# Notice\n\nHello.',
      '# Notice\n\nHello.\n\nWe do not use your voice recordings to train our models.',
    );
    expect(classification.kinds).not.toContain('new-data-use');
  });

  it('typography, spacing and link targets alone are cosmetic', () => {
    const before = 'Read the "Privacy FAQ" - it explains [our choices](https://a.example/faq?ref_=x).';
    const after =
      'Read the \u201cPrivacy FAQ\u201d \u2014 it  explains [our choices](https://a.example/faq).';
    const { classification, diff } = analyzeChange(before, after);
    expect(diff.cosmetic).toBe(true);
    expect(classification.severity).toBe('cosmetic');
  });

  it('a "Last updated" date bump alone is cosmetic', () => {
    const { diff } = analyzeChange(
      '# P\n\nLast updated: February 1, 2025\n\nText.',
      '# P\n\nLast updated: March 28, 2025\n\nText.',
    );
    expect(diff.cosmetic).toBe(true);
  });

  it('reordered menu items are a cosmetic move', () => {
    const { diff, classification } = analyzeChange(
      '- Orders\n- Account\n- Help\n\nBody text here.',
      '- Account\n- Orders\n- Help\n\nBody text here.',
    );
    expect(diff.stats.paragraphsMoved).toBe(1);
    expect(classification.severity).toBe('cosmetic');
  });
});

describe('lexicon rules', () => {
  const tagOf = (before: string, after: string) =>
    analyzeChange(`# D\n\n${before}`, `# D\n\n${after}`).classification;

  it('retention-changed when a duration changes', () => {
    const c = tagOf('We retain voice recordings for 18 months.', 'We retain voice recordings for 3 years.');
    expect(c.kinds).toContain('retention-changed');
    expect(c.severity).toBe('medium');
  });

  it('sharing-expanded when data goes to new recipients', () => {
    const c = tagOf(
      'We keep your data.',
      'We keep your data. We share your information with advertising partners.',
    );
    expect(c.kinds).toContain('sharing-expanded');
  });

  it('rights-reduced when a right disappears, rights-added when one appears', () => {
    expect(tagOf('You have the right to delete your data. Other text.', 'Other text.').kinds).toContain(
      'rights-reduced',
    );
    expect(tagOf('Other text.', 'Other text. You have the right to access your data.').kinds).toContain(
      'rights-added',
    );
  });

  it('opt-out-added when a new choice appears', () => {
    expect(tagOf('Intro.', 'Intro. You can opt out of interest-based ads at any time.').kinds).toContain(
      'opt-out-added',
    );
  });

  it('an opt-out announced as gone is opt-out-removed', () => {
    const c = tagOf('Intro.', 'Intro. The Do Not Send Voice Recordings setting is no longer available.');
    expect(c.kinds).toContain('opt-out-removed');
    expect(c.topics).toContain('voice-recordings');
  });

  it.each([
    ['human-review', 'Some recordings are reviewed by human reviewers to improve accuracy.'],
    ['children', 'We collect information from children under 13 with parental consent.'],
    ['location', 'We collect your precise location.'],
    ['biometrics', 'Voice ID creates a voice profile.'],
    ['security', 'We encrypt your data in transit.'],
    ['arbitration', 'Disputes are resolved by binding arbitration.'],
    ['contact', 'Contact us at privacy@example.com.'],
    ['sale-of-data', 'We may sell your personal information.'],
    ['advertising', 'We show you personalized ads.'],
    ['deletion', 'You can delete your history.'],
    ['third-party-sharing', 'We disclose data to third parties.'],
  ])('topic %s', (topic, sentence) => {
    expect(tagOf('Intro.', `Intro. ${sentence}`).topics).toContain(topic);
  });

  it('a plain wording change with no rule is low', () => {
    expect(tagOf('We make great products.', 'We make excellent products for you.').severity).toBe('low');
  });
});

describe('negations found on the real corpus', () => {
  it('"is not used to train" is a promise, not a new use (Apple, 2024)', () => {
    const { classification } = analyzeChange(
      '# P\n\nIntro.',
      '# P\n\nIntro.\n\nYour private personal data is not used to train our foundational AI models.',
    );
    expect(classification.kinds).not.toContain('new-data-use');
    expect(classification.topics).toContain('ai-training');
  });
});
