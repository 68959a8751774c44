/** ToS;DR clauses as training examples for the practice model, through the case map. */
import meaning from '../libs/diff/src/lexicon/meaning.json';
import { type Practice, type TrainingExample } from '../libs/diff/src/practice-model';
import caseMap from './data/tosdr-case-map.json';

export interface Clause {
  id: string;
  service: string;
  case: string;
  point: string;
  quote: string;
}

const cases = caseMap.cases as Record<string, { added: string; removed: string } | undefined>;
const practiceOf = meaning.practiceOf as Record<string, Practice>;

export function practiceExamples(jsonl: string): { clause: Clause; example: TrainingExample }[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Clause)
    .map((clause) => {
      const added = cases[clause.case]?.added ?? 'none';
      const practice = added === 'none' ? 'none' : (practiceOf[added.split('/')[0] as string] ?? 'none');
      return { clause, example: { text: clause.quote, practice } };
    });
}
