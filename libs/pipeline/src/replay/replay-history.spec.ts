import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { diffText } from '@fineprint/diff';

import { loadHistoryFolder, REEXTRACTION_MESSAGE } from './load-history-folder';
import { replayHistory } from './replay-history';

// Real histories from the Open Terms Archive dataset (Open Terms Archive contributors, ODC-By 1.0).
const CORPUS = resolve(__dirname, '../../../../../shared/corpus');
const histories = existsSync(CORPUS)
  ? readdirSync(CORPUS).filter((d) => statSync(join(CORPUS, d)).isDirectory())
  : [];

describe('replayHistory', () => {
  it('announces real changes, records flips as reverts and quarantines an error page', () => {
    const policy = (extra: string) =>
      `# Privacy Policy\n\n${Array.from({ length: 60 }, (_, i) => `Paragraph ${i} explains how we handle information in section ${i}.`).join('\n\n')}${extra}`;
    const a = policy('');
    const b = policy('\n\nWe share your information with advertising partners.');
    const report = replayHistory([
      { file: '001.md', text: a },
      { file: '002.md', text: b },
      { file: '003.md', text: a },
      { file: '004.md', text: "# We're Sorry\n\nSomething went wrong on our end." },
      { file: '005.md', text: a },
      { file: '006.md', text: a.replace('Paragraph 3 explains', 'Paragraph  3 explains') },
    ]);
    expect(report.versions.map((v) => v.decision)).toEqual([
      'baseline',
      'announce',
      'revert',
      'quarantine',
      'unchanged',
      'cosmetic',
    ]);
    expect(report.versions[1]?.tags.map((t) => t.kind)).toContain('sharing-expanded');
    expect(report.summary).toMatchObject({
      announce: 1,
      revert: 1,
      quarantine: 1,
      cosmetic: 1,
      unchanged: 1,
      baseline: 1,
      total: 6,
    });
  });
});

describe('replayHistory of raw observations (the next one confirms, decision 0023)', () => {
  const policy = (extra: string) =>
    `# Privacy Policy\n\n${Array.from({ length: 60 }, (_, i) => `Paragraph ${i} explains how we handle information in section ${i}.`).join('\n\n')}${extra}`;
  const members = policy('\n\nMembers: your profile is visible to other members.');
  const visitors = policy('\n\nVisitors: we use cookies to measure visits.');
  /** Observations twelve hours apart, as Open Terms Archive fetches. */
  const observe = (texts: string[], from = 0) =>
    texts.map((text, i) => ({
      file: String(from + i + 1),
      text,
      date: new Date(Date.UTC(2025, 2, 19) + (from + i) * 43_200_000).toISOString(),
    }));

  it('a page that serves two texts in turn records only its baseline; the switches are a transient and variants', () => {
    const texts = [
      members,
      visitors,
      members,
      ...Array<string>(7).fill(visitors),
      members,
      visitors,
      members,
    ];
    const report = replayHistory(observe(texts), { confirm: 'next-observation' });
    expect(report.versions.map((v) => v.decision)).toEqual([
      'baseline',
      'transient',
      'unchanged',
      ...Array<string>(7).fill('variant'),
      'unchanged',
      'variant',
      'unchanged',
    ]);
    expect(report.summary).toMatchObject({
      announce: 0,
      revert: 0,
      transient: 1,
      variant: 8,
      unstable: true,
    });
  });

  it('a real change that holds is announced at its first sighting once the next observation confirms it', () => {
    const changed = `${members}\n\nWe share your information with advertising partners.`;
    const report = replayHistory(observe([members, members, changed, changed, changed]), {
      confirm: 'next-observation',
    });
    expect(report.versions.map((v) => v.decision)).toEqual([
      'baseline',
      'unchanged',
      'announce',
      'unchanged',
      'unchanged',
    ]);
    expect(report.versions[2]?.tags.map((t) => t.kind)).toContain('sharing-expanded');
    // the last observation's new text has nothing to confirm it yet
    expect(replayHistory(observe([members, changed]), { confirm: 'next-observation' }).summary).toMatchObject(
      {
        pending: 1,
        announce: 0,
      },
    );
  });

  it('a variant becomes the text once the base has not been seen for the variant window', () => {
    // members, visitors (contradicted), then visitors only: after 30 days without the members' text
    const texts = [members, visitors, members, ...Array<string>(64).fill(visitors)];
    const report = replayHistory(observe(texts), { confirm: 'next-observation' });
    const decisions = report.versions.map((v) => v.decision);
    const promotedAt = decisions.indexOf('announce');
    // the members' text is last seen on day 1 (index 2); 30 days later (index 62) it still counts,
    // at day 31.5 (index 63) it no longer does: the visitors' text is pending, the next observation confirms it
    expect(promotedAt).toBe(63);
    expect(report.versions[promotedAt]?.date).toBe(
      new Date(Date.UTC(2025, 2, 19) + 63 * 43_200_000).toISOString(),
    );
    expect(decisions.slice(3, promotedAt).every((d) => d === 'variant')).toBe(true);
    // a shorter window promotes sooner; none gives the old behaviour: a new text at the second sighting
    const short = replayHistory(observe(texts), { confirm: 'next-observation', variantWindowDays: 7 });
    expect(short.versions.map((v) => v.decision).indexOf('announce')).toBe(17);
    const off = replayHistory(observe(texts), { confirm: 'next-observation', variantWindowDays: 0 });
    expect(off.versions.map((v) => v.decision).indexOf('announce')).toBe(3);
  });
});

describe('replayHistory and re-extractions', () => {
  it('starts a new baseline where the recorder changed its own extraction, then announces from it', () => {
    const policy = (extra: string) =>
      `# Privacy Policy\n\n${Array.from({ length: 40 }, (_, i) => `Paragraph ${i} explains what we do with data.`).join('\n\n')}${extra}`;
    const report = replayHistory([
      { file: '001.md', text: policy('') },
      { file: '002.md', text: policy('\n\nFooter links now extracted.'), reextracted: true },
      { file: '003.md', text: policy('\n\nFooter links now extracted.\n\nWe sell your data to brokers.') },
    ]);
    expect(report.versions.map((v) => v.decision)).toEqual(['baseline', 'baseline', 'announce']);
    expect(report.versions[1]?.reason).toMatch(/^re-extracted/);
  });

  it("reads the recorder's re-extraction messages from a manifest", () => {
    expect(REEXTRACTION_MESSAGE.test('Refilter Apple Privacy Policy')).toBe(true);
    expect(REEXTRACTION_MESSAGE.test('Apply technical or declaration upgrade on Apple Privacy Policy')).toBe(
      true,
    );
    expect(REEXTRACTION_MESSAGE.test('Record new changes of Apple Privacy Policy')).toBe(false);
  });
});

describe('the real corpus (Open Terms Archive)', () => {
  if (histories.length === 0) {
    it.skip('../shared/corpus is not present', () => undefined);
    return;
  }

  it.each(histories)(
    '%s: no version equal to an earlier one and no re-extraction is announced, and every pair diffs within bounds',
    (name) => {
      const { title, inputs } = loadHistoryFolder(join(CORPUS, name));
      const report = replayHistory(inputs, { title });
      const seen = new Set<string>();
      report.versions.forEach((entry, i) => {
        const text = inputs[i]?.text ?? '';
        if (seen.has(text)) expect(entry.decision).not.toBe('announce');
        if (inputs[i]?.reextracted) expect(entry.decision).not.toBe('announce');
        seen.add(text);
      });
      for (let i = 1; i < inputs.length; i++) {
        const before = inputs[i - 1]?.text ?? '';
        const after = inputs[i]?.text ?? '';
        const diff = diffText(before, after);
        expect(diff.identical).toBe(before === after);
        // bounded: no more changed paragraphs than paragraphs, share within [0, 1]
        expect(diff.stats.changedShare).toBeGreaterThanOrEqual(0);
        expect(diff.stats.changedShare).toBeLessThanOrEqual(1);
        if (before === after) expect(diff.hunks).toHaveLength(0);
      }
    },
  );

  it('the output is stable: replaying twice gives the same decisions and tags', () => {
    const name = histories[0] as string;
    const { title, inputs } = loadHistoryFolder(join(CORPUS, name));
    const strip = (r: ReturnType<typeof replayHistory>) => r.versions.map(({ diffMs: _ms, ...rest }) => rest);
    expect(strip(replayHistory(inputs, { title }))).toEqual(strip(replayHistory(inputs, { title })));
  });
});
