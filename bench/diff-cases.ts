/**
 * The cases of `npm run bench:diff`, built the same way wherever they are needed (the bench,
 * and scripts/classify-equivalence.ts, which checks the classifier's output on them). The
 * policy-text cases draw on ../shared/corpus (Open Terms Archive contributors, ODC-By 1.0).
 */
import { document, paragraph, rng } from './generate-text';
import {
  type Block,
  editSentences,
  fewSentenceEdits,
  type Material,
  policyDocument,
  render,
  SentenceSource,
} from './policy-text';

export interface DiffCase {
  name: string;
  before: string;
  after: string;
  /** The most analyzeChange may take, in multiples of git's time. */
  goal: number;
}

function fewEdits(bytes: number, seed: number): DiffCase {
  const blocks = document(bytes, seed);
  const next = rng(seed + 1);
  const after = [...blocks];
  for (let i = 0; i < 5; i++) {
    const at = 1 + Math.floor(next() * (after.length - 2));
    after[at] = `${after[at]} We may also share voice recordings with partners.`;
  }
  return {
    name: `${bytes / 1000} KB, a few edits`,
    before: blocks.join('\n\n'),
    after: after.join('\n\n'),
    goal: 1,
  };
}

function halfRewritten(bytes: number, seed: number): DiffCase {
  const blocks = document(bytes, seed);
  const next = rng(seed + 2);
  const after = blocks.map((b, i) => (i % 2 === 1 && !b.startsWith('#') ? paragraph(next) : b));
  return {
    name: `${bytes / 1000} KB, half the paragraphs replaced whole`,
    before: blocks.join('\n\n'),
    after: after.join('\n\n'),
    goal: 3,
  };
}

function reordered(bytes: number, seed: number): DiffCase {
  const blocks = document(bytes, seed);
  const next = rng(seed + 3);
  const after = [...blocks];
  for (let i = after.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [after[i], after[j]] = [after[j] as string, after[i] as string];
  }
  return {
    name: `${bytes / 1000} KB, paragraphs reordered`,
    before: blocks.join('\n\n'),
    after: after.join('\n\n'),
    goal: 3,
  };
}

function unrelated(bytes: number, seed: number): DiffCase {
  return {
    name: `two unrelated ${bytes / 1000} KB texts`,
    before: document(bytes, seed).join('\n\n'),
    after: document(bytes, seed + 99).join('\n\n'),
    goal: 3,
  };
}

/** Policy text with half its paragraphs edited sentence by sentence. */
function halfSentenceEdits(material: Material, bytes: number, seed: number): DiffCase {
  const next = rng(seed);
  const source = new SentenceSource(material, next);
  const before = policyDocument(bytes, source, next);
  const after = editSentences(before, 0.5, source, material, next);
  return {
    name: `${bytes / 1000} KB policy, half edited sentence by sentence`,
    before: render(before),
    after: render(after),
    goal: 3,
  };
}

function policyFewEdits(material: Material, bytes: number, seed: number): DiffCase {
  const next = rng(seed);
  const source = new SentenceSource(material, next);
  const before: Block[] = policyDocument(bytes, source, next);
  return {
    name: `${bytes / 1000} KB policy, a few sentence edits`,
    before: render(before),
    after: render(fewSentenceEdits(before, 5, source, material, next)),
    goal: 1,
  };
}

/** Two policies that share no sentence: each draws from its own half of the material. */
function policyUnrelated(material: Material, bytes: number, seed: number): DiffCase {
  const next = rng(seed);
  const one = policyDocument(bytes, new SentenceSource(material, next, [0, 2]), next);
  const two = policyDocument(bytes, new SentenceSource(material, next, [1, 2]), next);
  return {
    name: `two unrelated ${bytes / 1000} KB policies`,
    before: render(one),
    after: render(two),
    goal: 3,
  };
}

/** Every case, in the bench's order; each built only when called (the 1 MB ones are large). */
export function diffCases(material: Material): (() => DiffCase)[] {
  return [
    () => fewEdits(100_000, 1),
    () => fewEdits(1_000_000, 2),
    () => policyFewEdits(material, 100_000, 11),
    () => policyFewEdits(material, 1_000_000, 12),
    () => halfRewritten(100_000, 3),
    () => halfRewritten(1_000_000, 4),
    () => halfSentenceEdits(material, 100_000, 13),
    () => halfSentenceEdits(material, 1_000_000, 14),
    () => reordered(200_000, 5),
    () => unrelated(200_000, 6),
    () => policyUnrelated(material, 200_000, 15),
  ];
}
