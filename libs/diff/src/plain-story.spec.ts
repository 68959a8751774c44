import { analyzeChange } from './analyze-change';

// Thirteenth stop (decision 0016, update 32): the Alexa story and AI-training changes in plain
// sentences, written in one sitting before the rules that read them (12 of 15 were read then).
// "none": the voice choice stays and no AI tag is given.
const page = (s: string) => `# Help\n\n## Voice and privacy\n\n${s}\n\n## Contact\n\nWrite to us.`;
const cases: [string, string | null, string, string][] = [
  [
    'opt-out-removed',
    'voice-recordings',
    'You can choose to have your requests processed only on the speaker.',
    'All requests are processed in our cloud.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'Turn on Local Mode to keep your voice on the device.',
    'Local Mode has been discontinued.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'If you prefer, your speaker can handle requests without sending audio to us.',
    'Your speaker sends the audio of every request to us.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'Keep audio on device: when enabled, your voice never leaves the hub.',
    'Audio is now always uploaded so we can answer faster.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'Offline listening lets the earbuds understand commands without a connection. You can enable it in the app.',
    'Commands are understood by our servers.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'You may opt out of sending voice recordings to the cloud.',
    'Voice recordings are sent to the cloud.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'Want your voice to stay at home? Enable On-device Voice in Settings.',
    'We removed On-device Voice in version 5.',
  ],
  [
    'opt-out-removed',
    'voice-recordings',
    'The "Process locally" option keeps recordings off our servers.',
    'We no longer offer the "Process locally" option.',
  ],
  [
    'none',
    null,
    'You can choose to have your requests processed only on the speaker.',
    'You can choose to have your requests handled only on the speaker itself.',
  ],
  [
    'none',
    null,
    'Turn on Local Mode to keep your voice on the device.',
    'Turn on Local Mode in Settings > Privacy to keep your voice on the device.',
  ],
  [
    'new-data-use',
    'ai-training',
    'We use your chats to answer you.',
    'We use your chats to answer you and to train our models.',
  ],
  [
    'data-use-narrowed',
    'ai-training',
    'We use your chats to answer you and to train our models.',
    'We use your chats to answer you. We do not use them to train our models.',
  ],
  [
    'promise-withdrawn',
    'ai-training',
    'We never train our models on your documents.',
    'We may train our models on your documents.',
  ],
  [
    'new-data-use',
    'ai-training',
    'Your photos are used to make albums.',
    'Your photos are used to make albums and to improve our image recognition models.',
  ],
  ['none', null, 'We do not train on your files.', 'We do not use your files to train models.'],
];

describe('the voice choice and AI training in plain sentences', () => {
  it.each(cases)('%s %s: %s → %s', (kind, topic, before, after) => {
    const c = analyzeChange(page(before), page(after)).classification;
    if (kind === 'none') {
      expect(c.kinds).not.toContain('opt-out-removed');
      expect(c.tags.some((t) => t.topic === 'ai-training' && t.kind !== null)).toBe(false);
    } else expect(c.tags.some((t) => t.kind === kind && (!topic || t.topic === topic))).toBe(true);
  });
});
