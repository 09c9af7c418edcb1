/**
 * Closeness of words, for "did you mean" hints: Levenshtein distance and the nearest candidate
 * within a small distance. A hint only helps when the guess is close, so anything further is no
 * guess at all.
 */

/** The number of single-character insertions, deletions and substitutions from `left` to `right`. */
export function editDistance(left: string, right: string): number {
  const previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    let diagonal = previous[0] as number;
    previous[0] = row;
    for (let column = 1; column <= right.length; column++) {
      const above = previous[column] as number;
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      previous[column] = Math.min(above + 1, (previous[column - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[right.length] as number;
}

/**
 * The candidate nearest to `word` that is 1 to `limit` edits away (never `word` itself), the first
 * in `candidates` order on a tie; words of two characters or fewer get no guess.
 */
export function closestWord(word: string, candidates: Iterable<string>, limit = 2): string | undefined {
  if (word.length <= 2) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(candidate, word);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
