import { scanAhead, withScanMemo } from './pattern-gate';
import { samples } from '../test/text-samples';
import {
  actOf,
  type ClauseReading,
  normalizeClause,
  readClause,
  settingWords,
  settingWordsOf,
} from './read-clause';

describe('readClause', () => {
  it.each([
    ['We do not sell your personal information.', true],
    ['We don\u2019t sell your personal information.', true],
    ["We don't sell your personal information.", true],
    ['We will never sell your personal information.', true],
    ["We won't sell your personal information to anyone.", true],
    ['Your data shall not be sold to third parties.', true],
    ['We may sell your personal information to data brokers.', false],
  ])('reads the polarity of "%s" (negated: %s)', (text, negated) => {
    expect(actOf(readClause(text), 'sell')?.negated).toBe(negated);
  });

  it('keeps a negation inside its clause: "not" before a comma does not govern what follows', () => {
    const r = readClause('If you do not agree, we may share your information with partners.');
    expect(actOf(r, 'share')?.negated).toBe(false);
  });

  it('reads who acts, past "you agree that"', () => {
    expect(readClause('We collect your location.').actor).toBe('we');
    expect(readClause('You can opt out at any time.').actor).toBe('you');
    expect(readClause('You agree that we may share your data with partners.').actor).toBe('we');
    expect(readClause('Law enforcement may request your records.').actor).toBe('authorities');
  });

  it('reads the modality', () => {
    expect(readClause('We may share data.').modality).toBe('may');
    expect(readClause('We will share data.').modality).toBe('will');
    expect(readClause('We must share data.').modality).toBe('must');
  });

  it('reads consent conditions and limits', () => {
    const r = readClause('We will not share your data without your consent.');
    expect(r.consent).toBe(true);
    expect(r.restricted).toBe(true);
    expect(readClause('We share aggregated statistics only.').restricted).toBe(true);
  });

  it('reads recipients: authorities, a merger, service providers, other countries', () => {
    expect(readClause('We may disclose information in response to a subpoena.').recipients).toContain(
      'authorities',
    );
    expect(readClause('In a merger or acquisition your data may be transferred.').recipients).toContain(
      'business-transfer',
    );
    expect(readClause('Our service providers process data on our behalf.').recipients).toContain(
      'service-providers',
    );
    expect(readClause('Data may be transferred to other countries.').recipients).toContain('international');
  });

  it('reads durations in days, open-ended ones as infinite', () => {
    expect(readClause('We retain logs for 18 months.').durations.map((d) => d.days)).toEqual([540]);
    expect(readClause('We keep recordings for two years.').durations.map((d) => d.days)).toEqual([730]);
    expect(readClause('We keep your data indefinitely.').durations.map((d) => d.days)).toEqual([Infinity]);
  });

  it('finds named settings in bold, quotes and after "turn on"', () => {
    expect(
      readClause('When you turn on **Do Not Send Voice Recordings**, audio stays local.').settings,
    ).toContain('do not send voice recordings');
    expect(readClause('Tap on \u201cLimit Ad Tracking\u201d to manage your preferences.').settings).toContain(
      'limit ad tracking',
    );
  });

  it('reads ahead the sentences a classification scans ahead, and hands each text a reading of its own', () => {
    const texts = [
      'We do not sell your personal information to third parties.',
      'WE DO NOT SELL YOUR PERSONAL INFORMATION TO THIRD PARTIES.',
      'You can turn on **Do Not Send Voice Recordings** in the Alexa app.',
      'We keep your recordings for 18 months, unless you delete them.',
      'Some sentence nobody reads.',
    ];
    const fields = (r: ClauseReading) => ({
      text: r.text,
      norm: r.norm,
      actor: r.actor,
      modality: r.modality,
      acts: r.acts,
      restricted: r.restricted,
      consent: r.consent,
      recipients: r.recipients,
      topics: r.topics,
      durations: r.durations,
      settings: r.settings,
      words: r.words,
      tokens: r.tokens,
    });
    const plain = texts.slice(0, 4).map((t) => fields(readClause(t)));
    const ahead = withScanMemo(() => {
      scanAhead(texts.map(normalizeClause));
      return texts.slice(0, 4).map((t) => readClause(t));
    });
    expect(ahead.map(fields)).toEqual(plain);
    // (one normalised text, two texts: two readings, each with its own text)
    expect(ahead[0]).not.toBe(ahead[1]);
    expect(ahead[1]?.text).toBe(texts[1]);
  });
});

describe('settingWordsOf', () => {
  it('gives settingWords(normalizeClause(text)), ASCII or not', () => {
    const texts = [
      ...samples(3000),
      'Turn on **Do Not Send Voice Recordings**.',
      ' \t Do-Not-Track ,\v x ',
      'a , b',
      'a\tb\nc\r\nd\fe\vf',
      'x \t y',
      '  lead and trail  ',
      '`tick` and it\u2019s',
      'ASCII only, with: punctuation; (and) [brackets]!',
      '',
      ' ',
    ];
    for (const t of texts) expect([t, settingWordsOf(t)]).toEqual([t, settingWords(normalizeClause(t))]);
  });
});
