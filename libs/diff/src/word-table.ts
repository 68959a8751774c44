/**
 * Words numbered once (the lexicons' key words, stop words, a model's n-gram words) and found by
 * a hash of their characters: looking a sentence's words up costs no `Map` lookup on a new
 * string (which hashes and compares it anew each time). Each reader keeps what it knows of a
 * word in arrays indexed by its number.
 */
export class WordTable {
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(1024).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The word's number, given one if it has none. */
  add(word: string): number {
    const h = hashOf(word);
    const found = this.lookup(word, h);
    if (found >= 0) return found;
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    if (2 * this.words.length > this.slots.length) this.grow();
    else this.place(id, h);
    return id;
  }

  /** The word's number, or -1 if it has none. */
  find(word: string): number {
    return this.lookup(word, hashOf(word));
  }

  private lookup(word: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i] as number;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.words[id] === word) return id;
    }
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while ((this.slots[i] as number) >= 0) i = (i + 1) & mask;
    this.slots[i] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.hashes.forEach((h, id) => this.place(id, h));
  }
}

/** FNV-1a over UTF-16 units. */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The words of the lexicons and of the models in use. */
export const WORDS = new WordTable();
