import { analyzeChange } from './analyze-change';
import { meaningsOf } from './clause-meaning';
import { readClause } from './read-clause';

// Decision 0016, update 10: a choice to keep voice on the device, told without the words the
// choice patterns know, and such a choice announced gone. Our own sentences, about several
// products, written before the readings that handle them (after the first runs of the blind
// Alexa sets 8 and 9, before reading their pages).
/** A short help page: its title, the text, a closing line. */
const helpPage = (title: string, body: string) => `# ${title}\n\n${body}\n\nQuestions? Contact support.`;
const kinds = (s: string) => meaningsOf(readClause(s)).map((m) => `${m.kind}·${m.topic ?? ''}`);

describe('a choice to keep voice on the device', () => {
  it.each([
    'You can have your Echo handle requests itself, so the audio stays in your home.',
    'With Private Mode, what you say to the speaker is never uploaded.',
    'If you prefer, requests can be processed entirely on the device.',
    'Owners of the Halo Mini can let the speaker interpret commands on its own, and no recording is sent to our servers.',
    'When the Local Voice option is enabled, your spoken commands never leave the hub.',
    'In this mode your speech is transcribed on the watch and the audio is not uploaded.',
    'Where you have switched on Home Voice, recognition happens on the hub and the audio is not sent to us.',
    'Customers with a Halo Mini, Halo Max or Halo Studio in the United Kingdom may choose to have their speech recognised on the device.',
  ])('%s', (sentence) => {
    expect(kinds(sentence)).toContain('opt-out-added·voice-recordings');
  });

  it.each([
    // what the device does by default, not a choice
    'Echo devices do not send audio to the cloud until the wake word is detected.',
    'Your voice recordings are sent to our servers and processed in the cloud.',
    // an ability that keeps nothing local
    'You can have up to five voice profiles on one device.',
    'When the device is on, the light ring turns blue while audio is sent to the cloud.',
  ])('not a choice: %s', (sentence) => {
    expect(kinds(sentence).filter((k) => k.startsWith('opt-out-'))).toEqual([]);
  });
});

describe('a named choice announced gone', () => {
  it.each([
    'Local Voice has been removed from the Halo app.',
    'Private Mode was sunset in May.',
    'The on-device option will disappear from the Voice menu after the update.',
    'We are ending support for on-device speech recognition on older hubs.',
    'From 1 June, the Offline Voice mode is no more offered.',
  ])('%s', (sentence) => {
    expect(kinds(sentence).some((k) => k.startsWith('opt-out-removed'))).toBe(true);
  });

  it.each([
    'Your recordings have been removed from our servers.',
    'The Halo app has been updated.',
    'Old voice history was deleted after 90 days.',
    // a mode gone with no word of privacy or voice is not read as a choice gone (a limit: the
    // page around it may say it was one)
    'From 1 June, the Quiet Hub mode is no more offered.',
    'Dark mode is no longer available on older TVs.',
  ])('not a choice gone: %s', (sentence) => {
    expect(kinds(sentence).filter((k) => k.startsWith('opt-out-'))).toEqual([]);
  });
});

describe('a keep-it-local statement under a named setting', () => {
  const page = (options: string) =>
    `# Halo hub voice options\n\nThese options apply to every Halo hub in your home.\n\n${options}\n\n## Help\n\nWrite to support if a hub stops answering.\n`;
  const quiet =
    '**Quiet Hub**\nYour hub works out what you asked without help from the internet. Recordings are never uploaded to Halo.';
  const history = '**Voice history**\nKeep a list of your past requests for 90 days.';

  it('the setting and its description removed: opt-out-removed · voice-recordings, high', () => {
    const c = analyzeChange(page(`${quiet}\n\n${history}`), page(history)).classification;
    expect(c.severity).toBe('high');
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings')).toBe(true);
  });

  it('the same setting kept, another removed: no opt-out removed for voice kept local', () => {
    const c = analyzeChange(page(`${quiet}\n\n${history}`), page(quiet)).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.rule.includes('local'))).toBe(false);
  });

  it('a paragraph on the wake word removed is no opt-out removed', () => {
    const before = page(
      `Hubs listen only for the wake word. No audio is sent until the wake word is heard. You can review your settings at any time.\n\n${history}`,
    );
    const c = analyzeChange(before, page(history)).classification;
    expect(c.kinds).not.toContain('opt-out-removed');
  });
});

// Decision 0016, update 12: contractions ("isn't uploaded", "aren't sent") and "with … turned on"
// (our own sentences, written after the first run of Alexa set 10, before fixing its misses).
describe('a choice to keep voice local, with contractions and a switched-on setting', () => {
  it.each([
    "With Quiet Listening switched on, what you say to the remote isn't uploaded.",
    "Once Home Audio is turned on, your voice requests aren't sent anywhere outside your house.",
  ])('%s', (sentence) => {
    expect(kinds(sentence)).toContain('opt-out-added·voice-recordings');
  });

  it('a statement with a contraction and no choice is no choice', () => {
    expect(kinds("Audio isn't sent to us until you press the talk button.")).not.toContain(
      'opt-out-added·voice-recordings',
    );
  });
});

// Decision 0016, update 14: after the first run of Alexa set 11 (our own sentences again).
describe('more ways to keep voice at home, and a changelog removal', () => {
  it.each([
    'When this is on, the earbuds recognise commands by themselves and nothing you say is uploaded.',
    'With Quiet Kitchen switched on, your speech stays in the fridge.',
  ])('%s', (sentence) => {
    expect(kinds(sentence)).toContain('opt-out-added·voice-recordings');
  });

  it('a changelog line removing a voice setting is an opt-out removed', () => {
    expect(kinds('**Removed: Home-only voice.** Commands are now understood in the cloud.')).toContain(
      'opt-out-removed·voice-recordings',
    );
  });

  it('a changelog line removing something else is not', () => {
    expect(kinds('Removed: the dark theme.')).toEqual([]);
  });
});

// Decision 0016, update 17: readings added after the first run of the twelfth blind Alexa set
// (17/24). Our own sentences, about other products, written before the readings.
describe('more ways a keep-it-local choice is told, offered or taken away', () => {
  it.each([
    // a settings-screen label in the imperative, in a string table
    '| `privacy.voice.local` | Keep my voice on this speaker | 40 |',
    // "when turned on", with no subject
    'Offline commands: when turned on, your speech is processed there rather than being sent to our servers.',
    // "inside your home"
    'Turn on Home Voice and recordings of your voice stay inside your home.',
    // a setting that names no data but a voice, kept local
    'Turn on Quiet Voice and your speaker handles your requests on its own.',
  ])('offered: %s', (sentence) => {
    expect(kinds(sentence)).toContain('opt-out-added·voice-recordings');
  });

  it.each([
    'The company took away Private Listening on 3 June, and every request now goes to the cloud.',
    'If you had it switched on, you will find the setting has simply disappeared from the privacy menu.',
  ])('taken away, in the active voice or as gone from a menu: %s', (sentence) => {
    // (the data is the page's: these sentences name none)
    expect(kinds(sentence).some((k) => k.startsWith('opt-out-removed·'))).toBe(true);
  });

  it('where a setting is changed is not what it does', () => {
    const s =
      'This page shows the voice controls you can change at any time, either on the device or in the Halo app.';
    expect(meaningsOf(readClause(s)).some((m) => m.object.endsWith(':local'))).toBe(false);
  });

  it('"this feature" discontinued is the setting the sentence before names, not the reason given', () => {
    const c = analyzeChange(
      helpPage(
        'Your speaker privacy settings',
        'Because Private Listening is on for your Halo Mini, your requests are processed on the speaker and never sent to the cloud.',
      ),
      helpPage(
        'Your speaker privacy settings',
        'We are writing because you turned on Private Listening for your Halo Mini. As we bring new generative AI features that need our cloud, we have decided to discontinue this feature.',
      ),
    ).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings')).toBe(true);
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'ai-training')).toBe(false);
  });

  it('a keep-it-local option reworded ("never goes to the cloud") is not dropped', () => {
    const c = analyzeChange(
      helpPage(
        'Voice settings',
        'When this setting is on, the audio of your requests is processed locally and is not sent to our cloud.',
      ),
      helpPage(
        'Voice settings',
        'With the setting on, your speaker handles the sound of your requests itself, and the audio never goes to our cloud.',
      ),
    ).classification;
    expect(c.kinds).not.toContain('opt-out-removed');
  });
});

describe('a local-processing column, and an option said not to exist', () => {
  it('a table header naming local processing of requests beside Voice ID is a voice choice too', () => {
    expect(kinds('| Speaker | Voice Match | Local processing of requests |')).toContain(
      'opt-out-added·voice-recordings',
    );
  });

  it('"we do not offer an option to process voice on the device" offers nothing, even beside a label', () => {
    const c = analyzeChange(
      helpPage(
        'Voice terms',
        'Private Voice.\n\nYou may enable "Private Voice" in the app under Settings > Voice to keep audio on the headset.',
      ),
      helpPage(
        'Voice terms',
        'Cloud Voice.\n\nWe do not offer an option to process your voice solely on the headset.',
      ),
    ).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings')).toBe(true);
  });
});

// Decision 0016 update 21: local handling said to have ended, and a keep-local offer withdrawn
// by "no longer offers" (after the first run of the blind Alexa set 16; our own wording)
describe('local handling said to have ended', () => {
  it.each([
    'Lumio no longer offers offline recognition of spoken commands.',
    'We have ceased to provide on-device voice processing on the Halo speakers.',
  ])('is the keep-local choice gone: %s', (sentence) => {
    expect(kinds(sentence)).toContain('opt-out-removed·voice-recordings');
  });

  it('does not turn another setting beside it into a keep-local choice', () => {
    const before = helpPage(
      'Voice privacy',
      'With Home Voice switched on, the hub recognises your commands itself and the audio is not sent to us.',
    );
    const after = helpPage(
      'Voice privacy',
      'The hub no longer recognises commands on the device; the audio goes to our servers. You can pick Auto-Delete in Settings to have recordings erased after a day.',
    );
    const c = analyzeChange(before, after).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings')).toBe(true);
  });
});

// Decision 0016 update 22: our own wording, after the first run of every-kind set 12
describe('a setting withdrawn in a changelog or an email', () => {
  it('"we are discontinuing" a named setting', () => {
    const before = helpPage(
      'Voice privacy',
      'Your Halo speaker can keep requests on the device with "Home Listening".',
    );
    const after = helpPage(
      'Voice privacy',
      'With the new assistant, we are discontinuing "Home Listening" in June. Requests will then go to our servers.',
    );
    const c = analyzeChange(before, after).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'voice-recordings')).toBe(true);
  });

  it('a setting listed under a "Removed" heading', () => {
    const notes = (items: string) =>
      `# Release notes 4.2\n\n### Added\n\n- Sleep timer for podcasts.\n\n${items}\n\n### Fixed\n\n- Pairing with older phones.`;
    const c = analyzeChange(
      notes('### Changed\n\n- The Keep Speech on Speaker switch now also covers intercom calls.'),
      notes('### Removed\n\n- The Keep Speech on Speaker switch.'),
    ).classification;
    expect(c.kinds).toContain('opt-out-removed');
  });
});
