import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { localOnly, sameChoice } from './choice-survives';
import { LOCAL_ASPECT, meaningsOf } from './clause-meaning';
import { normalizeClause, readClause } from './read-clause';

/** Every string of the test sets (changes, paraphrases, golden cases), split into sentences. */
function fixtureSentences(): string[] {
  const dir = join(__dirname, '../test');
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const t of v.split(/(?<=[.!?])\s+|\n+/u)) if (t.trim()) out.add(t);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')))
    walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return [...out];
}

describe('ChangeStatements.choiceOfferedAfter: sentences set aside for a local choice', () => {
  it('a local choice is the same only as a local choice', () => {
    expect(localOnly('voice-recordings:local')).toBe(true);
    expect(localOnly('voice-recordings')).toBe(false);
    expect(localOnly('voice-recordings:deletion')).toBe(false);
    expect(sameChoice('voice-recordings:local', 'voice-recordings')).toBe(false);
    expect(sameChoice('voice-recordings:local', 'voice-recordings:local')).toBe(true);
  });

  // the prefilter is sound only while a choice's object has the local aspect where its sentence
  // matches LOCAL_ASPECT: checked on every sentence of the test sets and on a few written here
  it('a sentence whose choice keeps data local matches LOCAL_ASPECT', () => {
    const written = [
      'You can turn on Local Voice Processing so your requests are handled on the device.',
      'Switch on Private Mode and your recordings are processed locally instead of being uploaded.',
      'You can choose to keep your voice recordings on your Echo rather than being sent to the cloud.',
      'If you prefer, you can opt out so that face data stays on your phone and is not sent to us.',
    ];
    let local = 0;
    for (const t of [...written, ...fixtureSentences()]) {
      const norm = normalizeClause(t);
      for (const m of meaningsOf(readClause(t, norm)))
        if (m.kind === 'opt-out-added' && localOnly(m.object)) {
          local++;
          expect({ t, matches: LOCAL_ASPECT.test(norm) }).toEqual({ t, matches: true });
        }
    }
    // (not a vacuous check: the test sets hold such choices)
    expect(local).toBeGreaterThanOrEqual(100);
  });
});
