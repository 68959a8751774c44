import { type VersionHistory, type VersionSummary } from '@fineprint/db';

import { decideContent, quarantineReason, REEXTRACTED } from './decide-content';

const words = (n: number, word = 'privacy') =>
  Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(' ');
const v = (seq: number, sha: string, status: VersionSummary['status']): VersionSummary => ({
  id: `v${seq}`,
  seq,
  sha256: sha,
  status,
  recordedAt: new Date(0),
  revertOfId: null,
});
function history(versions: VersionSummary[], baseText = words(300)): VersionHistory {
  const recent = [...versions].sort((a, b) => b.seq - a.seq);
  const base = recent.find((x) => !['quarantined', 'transient', 'pending'].includes(x.status));
  return {
    latest: recent[0] ?? null,
    base: base ? { ...base, text: baseText, extractionKey: 'k1' } : null,
    sameText: null,
    recent,
    baseSeenAt: null,
    variantSeenAt: null,
  };
}
const obs = (sha: string, text = words(300), title = 'Privacy Notice') => ({
  text,
  textSha256: sha,
  title,
  language: 'en',
  at: new Date(0),
});

describe('decideContent', () => {
  it('records the first text as the baseline', () => {
    const out = decideContent(history([]), obs('a'), { awaitConfirmation: false });
    expect(out.decision).toEqual({ action: 'record', status: 'baseline', reason: 'first version' });
  });

  it('writes nothing for the same text', () => {
    const out = decideContent(history([v(1, 'a', 'baseline')]), obs('a'), { awaitConfirmation: false });
    expect(out.decision).toEqual({ action: 'unchanged' });
    expect(out.verdict).toBe('unchanged');
  });

  it('holds a new text for confirmation when a delay is configured, and confirms it when seen again', () => {
    const first = decideContent(history([v(1, 'a', 'baseline')]), obs('b'), { awaitConfirmation: true });
    expect(first.decision).toMatchObject({ action: 'record', status: 'pending' });
    const again = decideContent(history([v(1, 'a', 'baseline'), v(2, 'b', 'pending')]), obs('b'), {
      awaitConfirmation: true,
    });
    expect(again).toMatchObject({ decision: { action: 'unchanged' }, confirmsPendingId: 'v2' });
  });

  it('makes a text produced under another declaration a new baseline, never a change', () => {
    const h = history([v(1, 'a', 'baseline'), v(2, 'b', 'confirmed')]);
    const same = decideContent(h, { ...obs('c'), extractionKey: 'k1' }, { awaitConfirmation: true });
    expect(same.decision).toMatchObject({ action: 'record', status: 'pending' });
    const rescoped = decideContent(h, { ...obs('c'), extractionKey: 'k2' }, { awaitConfirmation: true });
    expect(rescoped.decision).toEqual({ action: 'record', status: 'baseline', reason: REEXTRACTED });
    // the same text as before under a new declaration is still nothing new
    expect(
      decideContent(h, { ...obs('b'), extractionKey: 'k2' }, { awaitConfirmation: false }).decision,
    ).toEqual({
      action: 'unchanged',
    });
  });

  it('drops a pending text that is gone on re-check (changed and changed back)', () => {
    const out = decideContent(history([v(1, 'a', 'baseline'), v(2, 'b', 'pending')]), obs('a'), {
      awaitConfirmation: true,
    });
    expect(out).toMatchObject({
      decision: { action: 'unchanged' },
      supersedesPendingId: 'v2',
      confirmsPendingId: null,
    });
  });

  it('records a text equal to an earlier version as a revert to it', () => {
    const h = history([v(1, 'a', 'baseline'), v(2, 'b', 'confirmed')]);
    h.sameText = h.recent.find((x) => x.sha256 === 'a') ?? null;
    const out = decideContent(h, obs('a'), { awaitConfirmation: false });
    expect(out.decision).toEqual({
      action: 'record',
      status: 'revert',
      reason: 'same text as version 1',
      revertOfId: 'v1',
    });
  });

  it('quarantines an error page, and a second identical one writes nothing but still fails', () => {
    const first = decideContent(
      history([v(1, 'a', 'baseline')]),
      obs('e', "We're Sorry. Something went wrong.", 'Amazon'),
      {
        awaitConfirmation: false,
      },
    );
    expect(first).toMatchObject({
      verdict: 'quarantined',
      decision: { action: 'record', status: 'quarantined' },
    });
    const second = decideContent(history([v(1, 'a', 'baseline'), v(2, 'e', 'quarantined')]), obs('e', 'x'), {
      awaitConfirmation: false,
    });
    expect(second).toMatchObject({ verdict: 'quarantined', decision: { action: 'unchanged' } });
  });

  it('treats the good text after a quarantined page as no change', () => {
    const out = decideContent(history([v(1, 'a', 'baseline'), v(2, 'e', 'quarantined')]), obs('a'), {
      awaitConfirmation: false,
    });
    expect(out.decision).toEqual({ action: 'unchanged' });
    expect(out.verdict).toBe('unchanged');
  });
});

describe('decideContent: a page that alternates between texts (decision 0023)', () => {
  const DAY = 86_400_000;
  const window = { awaitConfirmation: true, variantWindowMs: 30 * DAY };
  const at = (day: number) => new Date(Date.UTC(2025, 2, 19) + day * DAY);
  /** The history as the repository reads it: versions, the newest of this text, and when texts were last seen. */
  const seen = (
    versions: VersionSummary[],
    sha: string,
    times: { baseSeenAt?: Date | null; variantSeenAt?: Date | null },
  ): VersionHistory => ({
    ...history(versions),
    sameText: [...versions].sort((a, b) => b.seq - a.seq).find((x) => x.sha256 === sha) ?? null,
    baseSeenAt: times.baseSeenAt ?? null,
    variantSeenAt: times.variantSeenAt ?? null,
  });
  const seeing = (sha: string, day: number) => ({ ...obs(sha), at: at(day) });

  it('alternating A/B: B seen as a variant while A is still seen is a flap, recorded by its check only', () => {
    // A (baseline, day 0), B (day 0.5, contradicted by A at day 1: transient), B again at day 1.5
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'transient')];
    const out = decideContent(
      seen(versions, 'b', { baseSeenAt: at(1), variantSeenAt: at(0.5) }),
      seeing('b', 1.5),
      window,
    );
    expect(out).toEqual({
      decision: { action: 'unchanged' },
      verdict: 'unchanged',
      supersedesPendingId: null,
      confirmsPendingId: null,
      observedVersionId: 'v2',
      alternating: true,
    });
    // two weeks later, A last seen yesterday: still a flap; A itself is no change
    expect(
      decideContent(
        seen(versions, 'b', { baseSeenAt: at(14), variantSeenAt: at(14.5) }),
        seeing('b', 15),
        window,
      ),
    ).toMatchObject({ decision: { action: 'unchanged' }, alternating: true });
    expect(decideContent(seen(versions, 'a', {}), seeing('a', 16), window)).toMatchObject({
      decision: { action: 'unchanged' },
      observedVersionId: 'v1',
      alternating: false,
    });
    // with no window (or VARIANT_WINDOW_DAYS=0) the same B is a new text again, as before
    expect(
      decideContent(seen(versions, 'b', { baseSeenAt: at(1), variantSeenAt: at(0.5) }), seeing('b', 1.5), {
        awaitConfirmation: true,
      }).decision,
    ).toMatchObject({ action: 'record', status: 'pending' });
  });

  it('a pending text contradicted by a variant becomes transient, and the variant is still a flap', () => {
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'transient'), v(3, 'c', 'pending')];
    const out = decideContent(
      seen(versions, 'b', { baseSeenAt: at(2), variantSeenAt: at(2.5) }),
      seeing('b', 3),
      window,
    );
    expect(out).toMatchObject({
      decision: { action: 'unchanged' },
      alternating: true,
      supersedesPendingId: 'v3',
    });
  });

  it('a real change A→B that stays: B was never seen as a variant, so it is pending, then confirmed', () => {
    const before = [v(1, 'a', 'baseline')];
    const first = decideContent(seen(before, 'b', { baseSeenAt: at(0) }), seeing('b', 0.5), window);
    expect(first).toMatchObject({ decision: { action: 'record', status: 'pending' }, alternating: false });
    const after = [v(1, 'a', 'baseline'), v(2, 'b', 'pending')];
    const again = decideContent(
      seen(after, 'b', { baseSeenAt: at(0), variantSeenAt: at(0.5) }),
      seeing('b', 0.6),
      window,
    );
    expect(again).toMatchObject({
      decision: { action: 'unchanged' },
      confirmsPendingId: 'v2',
      alternating: false,
    });
  });

  it('A→B→A after B was confirmed is a revert: A was never seen while B was the text', () => {
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'confirmed')];
    const out = decideContent(seen(versions, 'a', { baseSeenAt: at(3) }), seeing('a', 4), window);
    expect(out).toMatchObject({
      decision: { action: 'record', status: 'revert', revertOfId: 'v1' },
      alternating: false,
    });
  });

  it('once the page went back and forth, B after the revert is a flap (the switch A→B was seen within the window)', () => {
    // B confirmed at once by its re-check (day 0.5), A back as a revert (day 1), B again
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'confirmed'), v(3, 'a', 'revert')];
    const out = decideContent(
      seen(versions, 'b', { baseSeenAt: at(1), variantSeenAt: at(0.5) }),
      seeing('b', 1.5),
      window,
    );
    expect(out).toMatchObject({
      decision: { action: 'unchanged' },
      alternating: true,
      observedVersionId: 'v2',
    });
  });

  it('a third text C during the alternation is a new text: pending, and announced when it holds', () => {
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'transient')];
    const out = decideContent(seen(versions, 'c', { baseSeenAt: at(5) }), seeing('c', 6), window);
    expect(out).toMatchObject({ decision: { action: 'record', status: 'pending' }, alternating: false });
    const held = [...versions, v(3, 'c', 'pending')];
    expect(
      decideContent(seen(held, 'c', { baseSeenAt: at(5), variantSeenAt: at(6) }), seeing('c', 6.5), window),
    ).toMatchObject({ decision: { action: 'unchanged' }, confirmsPendingId: 'v3' });
  });

  it('a variant becomes the text once the base has not been seen for the whole window', () => {
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'transient')];
    // A last seen on day 0.9, before the window (the repository reads no sighting of it), B every day since
    const out = decideContent(
      seen(versions, 'b', { baseSeenAt: null, variantSeenAt: at(30.5) }),
      seeing('b', 31),
      window,
    );
    expect(out.alternating).toBe(false);
    expect(out.decision).toMatchObject({ action: 'record', status: 'pending' });
    expect(out.decision.action === 'record' && out.decision.reason).toMatch(/has not shown the previous one/);
    // a variant that had been the text before comes back as a revert to it
    const earlier = [v(1, 'b', 'baseline'), v(2, 'a', 'confirmed')];
    expect(
      decideContent(
        seen(earlier, 'b', { baseSeenAt: null, variantSeenAt: at(30.5) }),
        seeing('b', 31),
        window,
      ).decision,
    ).toMatchObject({ action: 'record', status: 'revert', revertOfId: 'v1' });
  });

  it('a variant last seen before the window is a new text again', () => {
    const versions = [v(1, 'a', 'baseline'), v(2, 'b', 'transient')];
    const out = decideContent(
      seen(versions, 'b', { baseSeenAt: at(40), variantSeenAt: at(1) }),
      seeing('b', 40),
      window,
    );
    expect(out).toMatchObject({ decision: { action: 'record', status: 'pending' }, alternating: false });
  });
});

describe('quarantineReason', () => {
  it('sees a collapse in size', () => {
    expect(quarantineReason({ text: words(50), textSha256: 'x' }, 1000)).toMatch(/^collapse/);
    expect(quarantineReason({ text: words(900), textSha256: 'x' }, 1000)).toBeNull();
  });
  it('sees a captcha wall and a 404 title', () => {
    expect(
      quarantineReason({ text: 'Please verify you are a human to continue', textSha256: 'x' }, null),
    ).toMatch(/captcha/);
    expect(quarantineReason({ text: words(500), textSha256: 'x', title: '404 Not Found' }, null)).toMatch(
      /error page/,
    );
  });
  it('does not quarantine a long policy that mentions errors in passing', () => {
    const text = `${words(600)} If something went wrong with your order, contact us.`;
    expect(quarantineReason({ text, textSha256: 'x', title: 'Privacy Notice' }, 600)).toBeNull();
  });
  it('sees a text in another language than declared', () => {
    expect(quarantineReason({ text: words(300), textSha256: 'x', language: 'de' }, 300, 'en-US')).toMatch(
      /^language/,
    );
    expect(quarantineReason({ text: words(300), textSha256: 'x', language: 'en' }, 300, 'en-US')).toBeNull();
  });
});
