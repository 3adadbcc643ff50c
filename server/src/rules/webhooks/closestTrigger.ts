// The trigger a misspelt trigger name stands for, shared by unknown-trigger (its fix) and missing-trigger (a
// misspelt Contact Pro trigger counts as the one it stands for).
import { distance } from 'fastest-levenshtein';
import { TRIGGER_NAMES } from '../../schema/domain';
import { closestMatch } from '../../util/closest';
import { isOneOf } from '../../util/oneOf';

/** The closest trigger to a written name, and whether it is the only one that close. */
export function closestTrigger(written: string): { closest?: string; certain: boolean; candidates: string[] } {
  const upper = written
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (isOneOf(TRIGGER_NAMES, upper)) return { closest: upper, certain: true, candidates: [upper] };
  const closest = closestMatch(upper, TRIGGER_NAMES);
  if (!closest) return { certain: false, candidates: [] };
  const best = distance(upper, closest);
  const candidates = TRIGGER_NAMES.filter((t) => distance(upper, t) === best);
  return { closest, certain: candidates.length === 1, candidates };
}
