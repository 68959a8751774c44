/**
 * Policy-like Markdown for the diff bench, and the edits a vendor makes to it.
 *
 * Material: the sentences and headings of the real policy histories in ../shared/corpus
 * (Open Terms Archive contributors, ODC Attribution License, ODC-By 1.0), with their
 * links, emphasis and typographic quotes. Documents are new arrangements of them
 * (sections, paragraphs of one to six sentences, lists); a sentence is reused only when
 * the pool runs out, and then with a few words changed, so the paragraphs of a 1 MB
 * document are distinct as a real document's are. Without the corpus, a small built-in
 * grammar writes the sentences instead (and the bench says so).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { rng } from './generate-text';

export interface Material {
  source: string;
  sentences: string[];
  headings: string[];
  /** Words to put in when rewording a sentence. */
  words: string[];
}

/** A block of the document: a heading, a paragraph of sentences, or one list item. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'item';
  sentences: string[];
}

const SENTENCE_END = /(?<=[.!?][”"’)]?)\s+(?=[“"(\[*]?[A-Z])/;
const NOT_ENGLISH = /\b(?:les|des|nous|vous|est|une|pour|avec|dans)\b/i;
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** Sentences and headings of every version of every history in the corpus folder, deduplicated, in a fixed order. */
export function loadMaterial(corpus = process.env['FINEPRINT_CORPUS'] ?? defaultCorpus()): Material {
  if (!existsSync(corpus)) return builtInMaterial();
  const sentences = new Set<string>();
  const headings = new Set<string>();
  const words = new Set<string>();
  for (const history of readdirSync(corpus).sort()) {
    const dir = join(corpus, history);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.md')) continue;
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        const raw = lines[i] as string;
        const line = raw
          .trim()
          .replace(LIST_MARKER, '')
          .replace(/^#+\s+/, '');
        if (!line || line.startsWith('](') || /^[=-]+$/.test(line)) continue;
        const underline = lines[i + 1]?.trim() ?? '';
        if (/^#/.test(raw.trim()) || /^[=-]{3,}$/.test(underline)) {
          if (line.length >= 8 && line.length <= 80 && !line.includes('](') && !NOT_ENGLISH.test(line))
            headings.add(line);
          continue;
        }
        for (const s of line.split(SENTENCE_END)) {
          const sentence = s.trim();
          const n = sentence.split(/\s+/).length;
          if (n < 5 || n > 70 || !/^[“"(\[*]?[A-Z]/.test(sentence) || !/[.!?:;”")]$/.test(sentence)) continue;
          // English only (one history has French versions), and no leftover markup
          if (NOT_ENGLISH.test(sentence) || sentence.includes('<br')) continue;
          sentences.add(sentence);
          for (const w of sentence.split(/\s+/)) if (/^[a-z]{3,}$/.test(w)) words.add(w);
        }
      }
    }
  }
  if (sentences.size < 500) return builtInMaterial();
  return {
    source: `${sentences.size} sentences of ${corpus} (Open Terms Archive contributors, ODC-By 1.0)`,
    sentences: [...sentences],
    headings: [...headings],
    words: [...words],
  };
}

function defaultCorpus(): string {
  return resolve(__dirname, '../../shared/corpus');
}

/**
 * A source of sentences drawn from the material in a seeded order, each once; when the
 * pool is used up it starts again, rewording each sentence so that it stays distinct.
 */
export class SentenceSource {
  private order: number[];
  private at = 0;
  private round = 0;

  constructor(
    private readonly material: Material,
    private readonly next: () => number,
    /** Which part of the pool to draw from: [index, parts], so two documents can share no sentence. */
    private readonly part: [number, number] = [0, 1],
  ) {
    this.order = this.shuffle();
  }

  sentence(): string {
    if (this.at >= this.order.length) {
      this.order = this.shuffle();
      this.at = 0;
      this.round++;
    }
    const s = this.material.sentences[this.order[this.at++] as number] as string;
    return this.round === 0 ? s : reword(s, this.material, this.next, 2 + this.round);
  }

  heading(): string {
    const h = this.material.headings;
    return h.length > 0 ? (h[Math.floor(this.next() * h.length)] as string) : 'Section';
  }

  private shuffle(): number[] {
    const [index, parts] = this.part;
    const order: number[] = [];
    for (let i = index; i < this.material.sentences.length; i += parts) order.push(i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
  }
}

/** About `bytes` of policy-like Markdown, as blocks: a heading every few paragraphs, now and then a list. */
export function policyDocument(bytes: number, source: SentenceSource, next: () => number): Block[] {
  const blocks: Block[] = [];
  let size = 0;
  let sinceHeading = 99;
  const push = (b: Block) => {
    blocks.push(b);
    size += render([b]).length + 2;
  };
  while (size < bytes) {
    if (sinceHeading > 3 + next() * 6) {
      push({ kind: 'heading', sentences: [source.heading()] });
      sinceHeading = 0;
    } else if (next() < 0.15) {
      const items = 2 + Math.floor(next() * 5);
      for (let i = 0; i < items; i++) push({ kind: 'item', sentences: [source.sentence()] });
    } else {
      const n = 1 + Math.floor(next() * next() * 6);
      push({ kind: 'paragraph', sentences: Array.from({ length: n }, () => source.sentence()) });
    }
    sinceHeading++;
  }
  return blocks;
}

export function render(blocks: Block[]): string {
  return blocks
    .map((b) =>
      b.kind === 'heading'
        ? `## ${b.sentences[0] ?? ''}`
        : b.kind === 'item'
          ? `- ${b.sentences.join(' ')}`
          : b.sentences.join(' '),
    )
    .join('\n\n');
}

/**
 * A few words of a sentence changed, inserted or deleted (`edits` of them), the way a
 * sentence is reworded between two versions of a policy.
 */
export function reword(sentence: string, material: Material, next: () => number, edits: number): string {
  const words = sentence.split(' ');
  const word = () => material.words[Math.floor(next() * material.words.length)] ?? 'data';
  for (let e = 0; e < edits; e++) {
    // leave the first word alone, so the sentence still starts like one
    const at = 1 + Math.floor(next() * Math.max(1, words.length - 1));
    const r = next();
    if (r < 0.5 && at < words.length) words[at] = word();
    else if (r < 0.8) words.splice(at, 0, ...(next() < 0.5 ? [word()] : [word(), word()]));
    else if (words.length > 4 && at < words.length - 1) words.splice(at, 1 + Math.floor(next() * 2));
  }
  return words.join(' ');
}

/**
 * The document's next version with `share` of its paragraphs edited sentence by
 * sentence: in each, one to three of a sentence replaced, reworded (a few words
 * changed, inserted or deleted), inserted or deleted; now and then a paragraph split in
 * two or merged with the next. Headings and the other paragraphs are kept.
 */
export function editSentences(
  blocks: Block[],
  share: number,
  source: SentenceSource,
  material: Material,
  next: () => number,
): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'heading' || next() >= share) {
      out.push(block);
      continue;
    }
    const sentences = [...block.sentences];
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * sentences.length);
      const r = next();
      if (r < 0.25) sentences[at] = source.sentence();
      else if (r < 0.7)
        sentences[at] = reword(sentences[at] as string, material, next, 1 + Math.floor(next() * 4));
      else if (r < 0.85) sentences.splice(at + Math.floor(next() * 2), 0, source.sentence());
      else if (sentences.length > 1) sentences.splice(at, 1);
      else sentences[at] = reword(sentences[at] as string, material, next, 2);
    }
    const following = blocks[i + 1];
    const r = next();
    if (block.kind === 'paragraph' && r < 0.06 && sentences.length >= 2) {
      // split in two
      const cut = 1 + Math.floor(next() * (sentences.length - 1));
      out.push({ kind: 'paragraph', sentences: sentences.slice(0, cut) });
      out.push({ kind: 'paragraph', sentences: sentences.slice(cut) });
    } else if (block.kind === 'paragraph' && r < 0.12 && following?.kind === 'paragraph') {
      // merged with the next paragraph
      out.push({ kind: 'paragraph', sentences: [...sentences, ...following.sentences] });
      i++;
    } else out.push({ ...block, sentences });
  }
  return out;
}

/** `count` edits of one sentence each (reworded, replaced, inserted or deleted), spread over the document. */
export function fewSentenceEdits(
  blocks: Block[],
  count: number,
  source: SentenceSource,
  material: Material,
  next: () => number,
): Block[] {
  const out = blocks.map((b) => ({ ...b, sentences: [...b.sentences] }));
  for (let e = 0; e < count; e++) {
    let b: Block | undefined;
    do b = out[Math.floor(next() * out.length)];
    while (!b || b.kind === 'heading');
    const at = Math.floor(next() * b.sentences.length);
    const r = next();
    if (r < 0.5)
      b.sentences[at] = reword(b.sentences[at] as string, material, next, 1 + Math.floor(next() * 3));
    else if (r < 0.7) b.sentences[at] = source.sentence();
    else if (r < 0.9 || b.sentences.length < 2) b.sentences.splice(at + 1, 0, source.sentence());
    else b.sentences.splice(at, 1);
  }
  return out;
}

/** Without the corpus: sentences from a small grammar, headings from a list. */
function builtInMaterial(): Material {
  const next = rng(7);
  const pick = (xs: string[]) => xs[Math.floor(next() * xs.length)] as string;
  const actors = [
    'We',
    'Our service providers',
    'You',
    'Advertising partners',
    'Affiliated companies',
    'The app',
  ];
  const verbs = ['may collect', 'will retain', 'can delete', 'might share', 'process', 'use', 'do not sell'];
  const objects = [
    'your contact details',
    'information about the device you use',
    'precise location data',
    'voice recordings and transcripts',
    'usage and diagnostic information',
    'payment information',
    'the content you upload',
  ];
  const purposes = [
    'to provide and improve the services',
    'for security and fraud prevention',
    'to personalise the ads you see',
    'as required by applicable law',
    'for as long as your account is active',
    'with your consent, which you can withdraw at any time in Settings',
  ];
  const sentences = new Set<string>();
  while (sentences.size < 3000)
    sentences.add(`${pick(actors)} ${pick(verbs)} ${pick(objects)} ${pick(purposes)}, ${pick(purposes)}.`);
  const all = [...sentences];
  return {
    source: 'a built-in grammar (no corpus found)',
    sentences: all,
    headings: ['Information we collect', 'How we use information', 'Sharing', 'Retention', 'Your choices'],
    words: [
      ...new Set(
        all
          .join(' ')
          .toLowerCase()
          .match(/[a-z]{3,}/g) ?? [],
      ),
    ],
  };
}
