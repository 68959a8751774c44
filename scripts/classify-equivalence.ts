/**
 * `node -r @swc-node/register scripts/classify-equivalence.ts save|check [file]`: the
 * classifier's output on every case of eval:meaning (ToS;DR dev clauses added and removed, with
 * the shipped model and rules only; the Alexa paraphrases and controls; the AI-training
 * changes), the bench:diff texts and every consecutive pair of ../shared/corpus/<doc>/NNN.md,
 * saved once (`save`) and compared later (`check`): `JSON.stringify` of each classification must
 * be identical. Used to make the classifier faster without changing what it says. With `--diff`,
 * `diffText`'s own result is saved and compared too (its time budget lifted to 60 s).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { classifyChange, diffText } from '@fineprint/diff';

import { diffCases } from '../bench/diff-cases';
import { loadMaterial } from '../bench/policy-text';
import alexa from '../libs/diff/test/alexa-paraphrases.json';
import aiCases from '../libs/diff/test/ai-training-changes.json';

type Case = { id: string; before: string; after: string; model?: null; afterText?: boolean };

function* cases(): Generator<Case> {
  const dev = join(__dirname, '../../shared/meaning/tosdr-dev.jsonl');
  const head = `# Privacy Policy\n\nThis page explains how Example Service handles information about the people who use it.\n\n## About this policy`;
  const tail = `## Contact\n\nQuestions about this page can be sent to our support team through the help centre.`;
  const neutral = (c: string | null) => [head, ...(c ? [c] : []), tail].join('\n\n');
  if (existsSync(dev)) {
    const lines = readFileSync(dev, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const l of lines) {
      const c = JSON.parse(l) as { id: string; quote: string };
      for (const model of [undefined, null] as const) {
        const m = model === null ? ':rules' : '';
        yield { id: `tosdr:${c.id}:added${m}`, before: neutral(null), after: neutral(c.quote), model };
        yield { id: `tosdr:${c.id}:removed${m}`, before: neutral(c.quote), after: neutral(null), model };
      }
    }
  }
  const a = alexa as {
    base: string;
    sections: Record<string, string>;
    removals: { id: string; section: string; replacement: string }[];
    controls: { id: string; section: string; replacement: string; appendToEnd?: string }[];
  };
  const page = (s: string) => a.base.replace('{SECTION}', s);
  for (const r of a.removals)
    yield {
      id: `alexa:${r.id}`,
      before: page(a.sections[r.section] ?? ''),
      after: page(r.replacement),
      afterText: true,
    };
  for (const r of a.controls)
    yield {
      id: `alexa-control:${r.id}`,
      before: page(a.sections[r.section] ?? ''),
      after: page(r.replacement) + (r.appendToEnd ? `\n\n${r.appendToEnd}` : ''),
      afterText: true,
    };
  for (const [i, t] of (aiCases.cases as { before: string; after: string }[]).entries())
    yield {
      id: `ai:${i}`,
      before: neutral(t.before || null),
      after: neutral(t.after || null),
      afterText: true,
    };

  // the bench:diff texts
  for (const make of diffCases(loadMaterial())) {
    const c = make();
    yield { id: `bench:${c.name}`, before: c.before, after: c.after, afterText: true };
  }

  // consecutive versions of the corpus
  const corpus = join(__dirname, '../../shared/corpus');
  for (const d of readdirSync(corpus, { withFileTypes: true }).filter((x) => x.isDirectory())) {
    const files = readdirSync(join(corpus, d.name))
      .filter((f) => /^\d+\.md$/u.test(f))
      .sort();
    for (let i = 1; i < files.length; i++)
      yield {
        id: `corpus:${d.name}/${files[i - 1]}..${files[i]}`,
        before: readFileSync(join(corpus, d.name, files[i - 1] as string), 'utf8'),
        after: readFileSync(join(corpus, d.name, files[i] as string), 'utf8'),
        afterText: true,
      };
  }
}

const args = process.argv.slice(2).filter((a) => a !== '--diff');
/** --diff: also compare `diffText`'s whole result (to make the diff faster without changing it). */
const withDiff = process.argv.includes('--diff');
const [mode = 'check', file = '/tmp/13c-classify-baseline.json'] = args;
const out: Record<string, string> = {};
const saved: Record<string, string> =
  mode === 'check' ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
let compared = 0;
let differ = 0;
let classifyMs = 0;
for (const c of cases()) {
  const diff = diffText(c.before, c.after, { timeoutMs: 60_000 });
  // the diff itself, once per text pair (the ToS;DR cases repeat theirs with and without the model)
  if (withDiff && !c.id.endsWith(':rules')) {
    const id = `diff:${c.id}`;
    const d = JSON.stringify(diff);
    out[id] = d;
    if (mode === 'check') {
      compared++;
      if (saved[id] !== d) {
        differ++;
        if (differ <= (Number(process.env.SHOW) || 5)) console.log(`✗ ${id} differs`);
      }
    }
  }
  const t = performance.now();
  const got = JSON.stringify(
    classifyChange(diff, {
      ...(c.model === null ? { model: null } : {}),
      ...(c.afterText ? { afterText: c.after } : {}),
    }),
  );
  classifyMs += performance.now() - t;
  out[c.id] = got;
  if (mode === 'check') {
    compared++;
    if (saved[c.id] !== got) {
      differ++;
      if (differ <= (Number(process.env.SHOW) || 5))
        console.log(`✗ ${c.id}\n  was ${saved[c.id]}\n  now ${got}`);
    }
  }
}
if (mode === 'save') {
  writeFileSync(file, JSON.stringify(out));
  console.log(
    `saved ${Object.keys(out).length} classifications to ${file} (classify ${classifyMs.toFixed(0)} ms)`,
  );
} else {
  const missing = Object.keys(saved).filter((k) => !(k in out)).length;
  console.log(
    `compared ${compared} classifications: ${differ} differ, ${missing} missing (classify ${classifyMs.toFixed(0)} ms)`,
  );
  if (differ || missing) process.exit(1);
}
