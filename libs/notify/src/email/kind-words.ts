/**
 * A meaning kind in words, as the diff engine's summaries write it ("opt-out removed",
 * not "opt out removed"); unknown kinds fall back to their slug with spaces.
 */
const KIND_WORDS: Record<string, string> = {
  'opt-out-removed': 'opt-out removed',
  'opt-out-added': 'opt-out added',
  'new-data-use': 'new use of data',
  'retention-changed': 'retention changed',
  'sharing-expanded': 'sharing expanded',
  'rights-reduced': 'rights reduced',
  'rights-added': 'rights added',
};

export function kindWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind.replace(/-/g, ' ');
}
