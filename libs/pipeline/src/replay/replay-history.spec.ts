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
