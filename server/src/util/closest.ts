import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `input` by edit distance (case-insensitive), when it is close enough to be a
 * plausible typo: at most a third of the input's length, and at least 1 and at most 3 edits.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
