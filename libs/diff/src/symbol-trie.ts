/**
 * The trie under the two Aho–Corasick automata of the engine (the literal gates in
 * pattern-gate.ts and the setting-name search in plain-words.ts): state 0 is the root, each
 * state's children are keyed by the symbol class of a character, and `ending[s]` lists the
 * indexes of the strings that end at state `s` (an empty string ends at the root, unless
 * `skipEmpty`).
 */
export function buildSymbolTrie(
  strings: readonly string[],
  sym: (charCode: number) => number,
  skipEmpty = false,
): { child: Map<number, number>[]; ending: number[][] } {
  const child: Map<number, number>[] = [new Map<number, number>()];
  const ending: number[][] = [[]];
  strings.forEach((text, id) => {
    if (skipEmpty && text.length === 0) return;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const x = sym(text.charCodeAt(i));
      let t = child[s]?.get(x);
      if (t === undefined) {
        t = child.length;
        child[s]?.set(x, t);
        child.push(new Map<number, number>());
        ending.push([]);
      }
      s = t;
    }
    ending[s]?.push(id);
  });
  return { child, ending };
}
