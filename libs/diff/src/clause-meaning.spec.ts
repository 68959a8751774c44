import { meaningOfPractice, meaningsOf } from './clause-meaning';
import { readClause } from './read-clause';

const kinds = (text: string) => meaningsOf(readClause(text)).map((m) => `${m.kind}/${m.topic ?? ''}`);

describe('meaningsOf (as if the clause were added)', () => {
  it.each([
    ['We use your conversations to train our AI models.', 'new-data-use/ai-training'],
    ['We do not use your conversations to train our AI models.', 'data-use-narrowed/ai-training'],
    ['Customer content shall not be used to train machine learning models.', 'data-use-narrowed/ai-training'],
    [
      'We may use your prompts to improve our models only with your consent.',
      'data-use-narrowed/ai-training',
    ],
    ['We may sell your personal information.', 'sharing-expanded/sale-of-data'],
    ['We do not sell your personal information.', 'sharing-narrowed/sale-of-data'],
    [
      'We may disclose your information to law enforcement in response to a subpoena.',
      'sharing-expanded/law-enforcement',
    ],
    [
      'In the event of a merger, your data may be transferred to the acquirer.',
      'sharing-expanded/business-transfer',
    ],
    ['We use cookies and web beacons to track you across websites.', 'tracking-added/cookies-tracking'],
    ['We show you personalized ads based on your activity.', 'tracking-added/advertising'],
    ['We do not use third-party analytics or tracking cookies.', 'tracking-removed/cookies-tracking'],
    ['You can opt out of interest-based advertising at any time.', 'opt-out-added/advertising'],
    ['We do not currently respond to Do Not Track signals.', 'tracking-added/cookies-tracking'],
    ['You have the right to access and delete your personal data.', 'rights-added/'],
    [
      'You agree to resolve disputes by binding arbitration and waive any class action.',
      'rights-reduced/arbitration',
    ],
    [
      'We keep your data for as long as necessary, even after you close your account.',
      'retention-lengthened/',
    ],
    ['Logs are deleted after 30 days.', 'retention-shortened/'],
    ['We collect your precise location.', 'new-data-collected/location'],
    ['We collect your face geometry to verify your identity.', 'new-data-collected/biometrics'],
    ['Our staff may listen to recordings to improve accuracy.', 'new-data-use/human-review'],
  ])('%s → %s', (text, expected) => {
    expect(kinds(text)).toContain(expected);
  });

  it('a company\u2019s own right is not a right of the user', () => {
    expect(kinds('We reserve the right to disclose your information to comply with the law.')).not.toContain(
      'rights-added/',
    );
  });

  it('a browser\u2019s cookie setting and an age limit have no meaning of their own', () => {
    expect(kinds('If you disable cookies in your browser, some features may not work.')).toEqual([]);
    expect(kinds('Our services are not directed to children under 13.')).toEqual([]);
  });

  it('what the user must not do is not a practice of the service', () => {
    expect(kinds('You will not share your password with anyone.')).toEqual([]);
  });

  it('"unless you opt in" is a consent condition, not a choice offered', () => {
    expect(kinds("We won't use your chats to train our models unless you opt in.")).toEqual([
      'data-use-narrowed/ai-training',
    ]);
  });

  it('general readings added for issue #13 (update 2)', () => {
    // the Do Not Track signal's name negates no practice; ignoring it is tracking added
    expect(kinds('Your browser may send a "Do Not Track" signal asking sites not to track you.')).toEqual([]);
    expect(
      kinds('We do not alter how our site works when a browser sends a Do Not Track request.'),
    ).toContain('tracking-added/cookies-tracking');
    expect(kinds('We never track you across other websites.')).toContain('tracking-removed/cookies-tracking');
    // the company's own right, the user's warranty, ending the contract: no user right
    expect(kinds('Acme has the right to remove any post at its discretion.')).toEqual([]);
    expect(kinds('By uploading, you warrant that you hold the rights to do so.')).toEqual([]);
    expect(kinds('You may close your account whenever you want.')).toEqual([]);
    // arbitration named is not arbitration imposed
    expect(kinds('These terms are governed by the Federal Arbitration Act and the laws of Ohio.')).toEqual(
      [],
    );
    // how an age limit is enforced
    expect(
      kinds('If we find out that a child under 13 has given us personal data, we will remove it.'),
    ).toEqual([]);
    // broad uses
    expect(kinds('You give us a licence to use what you upload to build new products.')).toContain(
      'new-data-use/',
    );
    expect(kinds('We process account data for a variety of business purposes.')).toContain('new-data-use/');
    expect(kinds('We may email you about offers that might interest you.')).toContain(
      'new-data-use/marketing',
    );
    // recipients held to terms; a negated list of transfer verbs
    expect(
      kinds('Our vendors are bound by confidentiality obligations when they handle your data.'),
    ).toContain('sharing-narrowed/');
    expect(kinds('We will not rent, sell or trade your email address.')).toContain(
      'sharing-narrowed/sale-of-data',
    );
    // retention after deletion, "not kept longer than"
    expect(kinds('Copies of deleted photos may persist in our backup systems.')).toContain(
      'retention-lengthened/',
    );
    expect(kinds('We keep invoices for seven years after you close your account.')).toContain(
      'retention-lengthened/',
    );
    expect(kinds('Server logs are not kept longer than needed for security.')).toContain(
      'retention-shortened/',
    );
  });

  it('the learned practice gets its direction from the clause reading', () => {
    expect(meaningOfPractice(readClause('Partners receive usage data.'), 'sharing', 0.9)?.kind).toBe(
      'sharing-expanded',
    );
    expect(meaningOfPractice(readClause('We never give usage data to partners.'), 'sharing', 0.9)?.kind).toBe(
      'sharing-narrowed',
    );
    expect(meaningOfPractice(readClause('Anything.'), 'none', 0.9)).toBeNull();
  });
});

describe('data received from others named by example ("from X, such as data brokers")', () => {
  it.each([
    'We also get information about you from companies we work with, such as data brokers and social networks.',
    'We obtain details about you from organisations we partner with, for example data brokers and advertisers.',
    'We receive information from businesses we work with, including social networks you link to your account.',
  ])('the rules read it as collected: %s', (text) => {
    expect(kinds(text)).toContain('new-data-collected/');
    expect(kinds(text)).not.toContain('sharing-expanded/');
  });
  it.each([
    // the examples are not sources of data about the user
    'We receive questions from many people, such as journalists, students and teachers.',
    // the data go out, not in
    'We share information we get from you with companies we work with, such as advertisers.',
  ])('not read as collected from others: %s', (text) => {
    expect(kinds(text)).not.toContain('new-data-collected/');
  });
  it('a denial is read as collection reduced', () => {
    expect(
      kinds('We never get information about you from companies we work with, such as data brokers.'),
    ).toContain('data-collection-reduced/');
  });
});
