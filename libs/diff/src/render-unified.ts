import { type DiffResult, type HunkLine } from './diff.types';

const MARK: Record<HunkLine['kind'], string> = {
  equal: ' ',
  delete: '-',
  insert: '+',
  change: '~',
  'move-from': '<',
  'move-to': '>',
};

function lineText(line: HunkLine): string {
  if (line.kind !== 'change') return line.ops.map((o) => o.text).join('');
  return line.ops
    .map((o) => (o.op === 'delete' ? `[-${o.text}-]` : o.op === 'insert' ? `{+${o.text}+}` : o.text))
    .join('');
}

/**
 * A unified text diff by paragraph: ` ` context, `-` removed, `+` added, `~` rewritten
 * (with [-removed-]{+added+} words inside), `<` / `>` moved from / to.
 */
export function renderUnified(diff: DiffResult): string {
  if (diff.identical) return '';
  return diff.hunks
    .map((h) => {
      const header = `@@ -${h.beforeRange[0] + 1},${h.beforeRange[1] - h.beforeRange[0]} +${h.afterRange[0] + 1},${h.afterRange[1] - h.afterRange[0]} @@${h.section ? ` ${h.section}` : ''}${h.cosmetic ? ' (cosmetic)' : ''}`;
      return [header, ...h.lines.map((l) => `${MARK[l.kind]} ${lineText(l)}`)].join('\n');
    })
    .join('\n');
}
