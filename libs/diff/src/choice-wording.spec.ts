import { analyzeChange } from './analyze-change';
import { meaningsOf } from './clause-meaning';
import { readClause } from './read-clause';

// Decision 0016, update 8: ways of offering a choice, and of announcing one gone, that the reader
// missed in the third Alexa set (libs/diff/test/alexa-variants-3.json). These sentences are our
// own, about other products than Echo, written before the rules that read them.
const kinds = (s: string) => meaningsOf(readClause(s)).map((m) => `${m.kind}·${m.topic ?? ''}`);

describe('a choice offered', () => {
  it.each([
    // someone other than "you" who is the user: subscribers, owners, account holders, customers
    ['Subscribers can turn off personalised recommendations in their account settings.', 'opt-out-added'],
    ['Parents of a child profile can prevent the camera from uploading clips to the cloud.', 'opt-out-added'],
    ['Customer may disable the sharing of usage statistics with the manufacturer.', 'opt-out-added'],
    // the user decides, without a modal verb
    ['You decide whether your viewing history is used for recommendations.', 'opt-out-added'],
    ['You control whether your location is stored with your photos.', 'opt-out-added'],
    // a condition in the present tense offers the setting
    ['If you enable Offline Dictation, nothing you dictate is sent to our servers.', 'opt-out-added'],
    // the topic names the data when no general privacy word does
    [
      'The speaker offers a private mode: switch it on and what you say is not uploaded.',
      'opt-out-added·voice-recordings',
    ],
    // written after set 3 was fixed, before set 4 was run or fixed
    ['Use this toggle to keep your location history on the phone.', 'opt-out-added·location'],
    ['When enabled, the watch will not share your location with the app maker.', 'opt-out-added·location'],
    [
      'The member may instruct the company not to use their listening history for recommendations.',
      'opt-out-added',
    ],
    // written after set 4 was fixed, before set 5 was run or fixed
    ['Location data may, at the election of the user, be kept only on the phone.', 'opt-out-added·location'],
    ["- Don't share my location with friends", 'opt-out-added·location'],
    ['Flip off location sharing whenever you like.', 'opt-out-added·location'],
    ['Go to Settings > Privacy > Location to keep your location on the phone.', 'opt-out-added·location'],
    ['You chose not to share your location with the app.', 'opt-out-added·location'],
    // written after the blind set (alexa-blind-6.json) was run, before the fixes it called for
    [
      'On some phones, members may instead keep their location history on the device.',
      'opt-out-added·location',
    ],
    [
      'Subscribers with a newer watch can choose to have their location processed on the watch.',
      'opt-out-added·location',
    ],
    ['You may, on supported phones, instruct the app not to share your location.', 'opt-out-added·location'],
    ['You can keep your voice commands on the speaker entirely.', 'opt-out-added·voice-recordings'],
  ])('%s', (sentence, expected) => {
    expect(kinds(sentence).some((k) => k.startsWith(expected))).toBe(true);
  });

  it.each([
    // (written after the blind set was run)
    'You can keep a copy of your data by downloading it.',
    // a setting chosen earlier is referred to, not offered
    'If you enabled Guest Mode before the update, your history was deleted.',
    // no choice at all
    'Customers may contact us with questions about this policy.',
    'Owners of a store can manage their product listings in the seller portal.',
    // a choice about something that is no personal data
    'The audio quality setting can be changed in the app.',
  ])('no choice about data: %s', (sentence) => {
    expect(kinds(sentence).filter((k) => k.startsWith('opt-out'))).toEqual([]);
  });
});

describe('a choice announced gone', () => {
  it.each([
    'We are retiring the setting that kept dictation on your phone.',
    'Guest Mode has been removed from all speakers.',
    "We're discontinuing the option to store camera clips locally.",
    'Private Mode will be deprecated next month.',
    // written after set 3 was fixed, before set 4 was run or fixed
    'Starting next month, the app will no longer support storing your clips locally.',
    'The Private Listening option no longer appears in the settings menu.',
    // written after set 4 was fixed, before set 5 was run or fixed
    'The option to hide your location from friends has been taken away.',
    'We are ending on-device processing of dictation on older phones.',
  ])('%s', (sentence) => {
    expect(kinds(sentence).some((k) => k.startsWith('opt-out-removed'))).toBe(true);
  });

  it.each([
    'We no longer support older versions of the app.',
    'The Dark Theme option no longer appears in the menu.',
  ])('no choice about data gone: %s', (sentence) => {
    expect(kinds(sentence).filter((k) => k.startsWith('opt-out'))).toEqual([]);
  });

  it('a feature removed that is no choice about data is not an opt-out removed', () => {
    expect(
      kinds('The night theme has been removed from the app.').filter((k) => k.startsWith('opt-out')),
    ).toEqual([]);
  });
});

describe('written after the blind set was run, before its fixes', () => {
  const page = (s: string) =>
    `# Watch help\n\n## Location\n\n${s}\n\n## Battery\n\nCharge the watch every night.`;

  it('"this feature will no longer be available" takes the data of the sentence before it', () => {
    const c = analyzeChange(
      page('You can turn on Location Lock to keep your location on the watch.'),
      page(
        'We are writing because you turned on Location Lock on your watch. This feature will no longer be available after June.',
      ),
    ).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic === 'location')).toBe(true);
  });

  it('an option dropped from a list of choices is an opt-out removed', () => {
    const c = analyzeChange(
      page(
        'Choose how your location is handled: share it with friends, share it with no one, or keep it on this watch only.',
      ),
      page('Choose how your location is handled: share it with friends or share it with no one.'),
    ).classification;
    expect(c.kinds).toContain('opt-out-removed');
  });

  it('a list of choices that only gains an option removes none', () => {
    const c = analyzeChange(
      page('Choose how your location is handled: share it with friends or keep it on this watch only.'),
      page(
        'Choose how your location is handled: share it with friends, share it with no one, or keep it on this watch only.',
      ),
    ).classification;
    expect(c.kinds).not.toContain('opt-out-removed');
  });
});

describe('the choice a pronoun points back to', () => {
  it('takes the data of the sentence before it', () => {
    // (written first with a camera's video, a kind of data the topics do not name)
    const page = (s: string) =>
      `# Watch help\n\n## Places\n\n${s}\n\n## Battery\n\nCharge the watch every night.`;
    const c = analyzeChange(
      page(
        'The watch can keep your location history on the watch alone. Turn this on under Settings > Privacy.',
      ),
      page('Your location history is stored in our cloud.'),
    ).classification;
    expect(c.tags.some((t) => t.kind === 'opt-out-removed' && t.topic !== null)).toBe(true);
  });
});
