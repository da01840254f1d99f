// A CSV cell that starts with = + - @ (or a tab or carriage return, or their
// full-width forms) is run as a formula by Excel and LibreOffice when the file
// is opened: `=HYPERLINK(…)`, `+cmd|' /C calc'!A0`. Export has papaparse write
// such text with a leading apostrophe, which spreadsheet programs show as plain
// text; import takes that one apostrophe off again. Text that already starts
// with apostrophes before such a sign gets one more, so the round trip is exact.

/** Text papaparse's `escapeFormulae` prefixes with an apostrophe (numbers are never touched). */
export const FORMULA_START = /^'*[=+\-@\t\r＝＋－＠]/;
const QUOTED = /^'(?='*[=+\-@\t\r＝＋－＠])/;

/** The text as it was before export neutralised it. */
export const restoreFormulaText = (text: string): string => (QUOTED.test(text) ? text.slice(1) : text);
