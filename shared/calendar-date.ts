const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date on the user's own clock as YYYY-MM-DD. `toISOString()` gives the UTC date,
 * which in the Americas turns into tomorrow every evening: a task due today would show as overdue.
 */
export function localIsoDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
