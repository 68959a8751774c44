/** Seeded generator of realistic policy-like Markdown for benchmarks. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'we you your data information personal collect use share process services products provide improve account device ' +
  'voice recordings location advertising partners third parties retain delete request access rights choose settings ' +
  'security protect law legal purposes consent cookies technologies analytics content communications support customers ' +
  'may will can when where which including such as order to with from about other our their this that these those for and or'
).split(' ');

export function sentence(next: () => number): string {
  const n = 8 + Math.floor(next() * 18);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)] as string);
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

export function paragraph(next: () => number): string {
  return Array.from({ length: 2 + Math.floor(next() * 4) }, () => sentence(next)).join(' ');
}

/** About `bytes` of Markdown: a heading every ~6 paragraphs. */
export function document(bytes: number, seed: number): string[] {
  const next = rng(seed);
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const block =
      blocks.length % 7 === 0
        ? `## Section ${blocks.length / 7 + 1}: ${sentence(next).slice(0, 40)}`
        : paragraph(next);
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks;
}
