import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import {
  BASE_STATUSES,
  CHANGE_LIFECYCLE,
  changeEntryFor,
  changeTransitionFor,
  countsAsBase,
  getsChange,
  isFlip,
  isSettled,
  needsChange,
  VERSION_LIFECYCLE,
  versionAfter,
} from './lifecycle';
import { CHANGE_STATES, VERSION_STATUSES } from './vocabulary';

/** The edges of the mermaid state diagram in docs/architecture.md, per machine. */
function diagram(): { version: string[]; change: string[] } {
  const doc = readFileSync(resolve(__dirname, '../../../docs/architecture.md'), 'utf8');
  const block = /```mermaid\n(stateDiagram-v2[\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const [versionPart, changePart] = block.split('state "Change"');
  const edges = (part = '') =>
    [...part.matchAll(/^\s*(\[\*\]|\w+) --> (\w+)(?: : (\w+))?$/gm)]
      .map(([, from, to, name]) =>
        `${from} -> ${to}${name ? ` : ${name}` : ''}`.replace(/change_pending/g, 'pending'),
      )
      .sort();
  return { version: edges(versionPart), change: edges(changePart) };
}

function table(machine: {
  entry: readonly string[];
  transitions: Record<string, { from: readonly string[]; to: string }>;
}): string[] {
  return [
    ...machine.entry.map((s) => `[*] -> ${s}`),
    ...Object.entries(machine.transitions).flatMap(([name, t]) =>
      t.from.map((f) => `${f} -> ${t.to} : ${name}`),
    ),
  ].sort();
}

describe('the lifecycle table', () => {
  it('is the state diagram in docs/architecture.md', () => {
    const drawn = diagram();
    expect(drawn.version).toEqual(table(VERSION_LIFECYCLE));
    expect(drawn.change).toEqual(table(CHANGE_LIFECYCLE));
  });

  it('reaches every state, and names only states of the vocabulary', () => {
    const reached = (m: Parameters<typeof table>[0]) =>
      new Set([...m.entry, ...Object.values(m.transitions).map((t) => t.to)]);
    expect([...reached(VERSION_LIFECYCLE)].sort()).toEqual([...VERSION_STATUSES].sort());
    expect([...reached(CHANGE_LIFECYCLE)].sort()).toEqual([...CHANGE_STATES].sort());
  });

  it('moves a version only along its transitions', () => {
    expect(versionAfter('pending', 'confirm')).toBe('confirmed');
    expect(versionAfter('quarantined', 'release')).toBe('released');
    expect(() => versionAfter('transient', 'confirm')).toThrow(/transient version cannot confirm/);
  });

  it('says what the diff job and the announcement do for each pair of states', () => {
    expect(changeEntryFor('revert')).toEqual({
      state: 'suppressed',
      reason: expect.stringMatching(/^revert/),
    });
    expect(changeEntryFor('pending')).toEqual({ state: 'pending', reason: null });
    expect(changeTransitionFor('confirmed', 'pending')?.transition).toBe('announce');
    expect(changeTransitionFor('released', 'pending')?.transition).toBe('announce');
    expect(changeTransitionFor('transient', 'pending')?.transition).toBe('suppress');
    expect(changeTransitionFor('pending', 'pending')).toBeNull();
    expect(changeTransitionFor('confirmed', 'announced')).toBeNull();
  });

  it('has predicates that agree with one another', () => {
    for (const s of VERSION_STATUSES) {
      expect([s, countsAsBase(s)]).toEqual([s, (BASE_STATUSES as readonly string[]).includes(s)]);
      if (countsAsBase(s)) expect([s, isSettled(s)]).toEqual([s, true]);
      if (needsChange(s)) expect([s, getsChange(s)]).toEqual([s, true]);
      if (isFlip(s)) expect([s, countsAsBase(s) && s !== 'revert']).toEqual([s, false]);
    }
    expect(VERSION_STATUSES.filter(isSettled)).toEqual([
      'baseline',
      'pending',
      'confirmed',
      'revert',
      'released',
    ]);
    expect(VERSION_STATUSES.filter(getsChange)).not.toContain('baseline');
    expect(VERSION_STATUSES.filter(getsChange)).not.toContain('quarantined');
  });
});
