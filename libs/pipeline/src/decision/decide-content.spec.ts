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
  };
}
const obs = (sha: string, text = words(300), title = 'Privacy Notice') => ({
  text,
  textSha256: sha,
  title,
  language: 'en',
});

describe('decideContent', () => {
  it('records the first text as the baseline', () => {
    const out = decideContent(history([]), obs('a'), { confirmDelayMs: 0 });
    expect(out.decision).toEqual({ action: 'record', status: 'baseline', reason: 'first version' });
  });

  it('writes nothing for the same text', () => {
    const out = decideContent(history([v(1, 'a', 'baseline')]), obs('a'), { confirmDelayMs: 0 });
    expect(out.decision).toEqual({ action: 'unchanged' });
    expect(out.verdict).toBe('unchanged');
  });

  it('holds a new text for confirmation when a delay is configured, and confirms it when seen again', () => {
    const first = decideContent(history([v(1, 'a', 'baseline')]), obs('b'), { confirmDelayMs: 60_000 });
    expect(first.decision).toMatchObject({ action: 'record', status: 'pending' });
    const again = decideContent(history([v(1, 'a', 'baseline'), v(2, 'b', 'pending')]), obs('b'), {
      confirmDelayMs: 60_000,
    });
    expect(again).toMatchObject({ decision: { action: 'unchanged' }, confirmsPendingId: 'v2' });
  });

  it('makes a text produced under another declaration a new baseline, never a change', () => {
    const h = history([v(1, 'a', 'baseline'), v(2, 'b', 'confirmed')]);
    const same = decideContent(h, { ...obs('c'), extractionKey: 'k1' }, { confirmDelayMs: 60_000 });
    expect(same.decision).toMatchObject({ action: 'record', status: 'pending' });
    const rescoped = decideContent(h, { ...obs('c'), extractionKey: 'k2' }, { confirmDelayMs: 60_000 });
    expect(rescoped.decision).toEqual({ action: 'record', status: 'baseline', reason: REEXTRACTED });
    // the same text as before under a new declaration is still nothing new
    expect(decideContent(h, { ...obs('b'), extractionKey: 'k2' }, { confirmDelayMs: 0 }).decision).toEqual({
      action: 'unchanged',
    });
  });

  it('drops a pending text that is gone on re-check (changed and changed back)', () => {
    const out = decideContent(history([v(1, 'a', 'baseline'), v(2, 'b', 'pending')]), obs('a'), {
      confirmDelayMs: 60_000,
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
    const out = decideContent(h, obs('a'), { confirmDelayMs: 0 });
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
        confirmDelayMs: 0,
      },
    );
    expect(first).toMatchObject({
      verdict: 'quarantined',
      decision: { action: 'record', status: 'quarantined' },
    });
    const second = decideContent(history([v(1, 'a', 'baseline'), v(2, 'e', 'quarantined')]), obs('e', 'x'), {
      confirmDelayMs: 0,
    });
    expect(second).toMatchObject({ verdict: 'quarantined', decision: { action: 'unchanged' } });
  });

  it('treats the good text after a quarantined page as no change', () => {
    const out = decideContent(history([v(1, 'a', 'baseline'), v(2, 'e', 'quarantined')]), obs('a'), {
      confirmDelayMs: 0,
    });
    expect(out.decision).toEqual({ action: 'unchanged' });
    expect(out.verdict).toBe('unchanged');
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
