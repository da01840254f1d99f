// Narrowing for what the code around a call guarantees and the types cannot see (an array known not to
// be empty, a regular expression's group that every match fills, an entry set just before). A broken
// guarantee is our bug, not a user's mistake: these throw an Error saying what was expected, which the
// services report as an internal failure, instead of letting `undefined` travel on.

/** The first item of a list the caller knows is not empty; `what` names it in the error ("expected a row"). Items are never null. */
export function first<T>(list: readonly T[], what = 'a row'): T {
  return present(list[0], what);
}

/** A value the caller knows is there: a map entry set above, a field the contract's refinement requires. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

/** Capture group `index` of a match, for a group that is not optional (every match of the pattern fills it). */
export function captured(match: RegExpMatchArray, index: number): string {
  const value = match[index];
  if (value === undefined) throw new Error(`expected capture group ${index}`);
  return value;
}
