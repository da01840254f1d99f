import type { MouseEvent } from 'react';
import type { NavigateFunction } from 'react-router';

/**
 * A row that opens its record on a click anywhere in it. The keyboard and screen readers use the
 * link in the row's first cell instead (a focusable row would be one more stop per row); a click on
 * a control inside the row (its link, its menu) is left to that control.
 */
/** Give the row the class `clickable` too (the pointer). */
export function rowLink(navigate: NavigateFunction, to: string) {
  return {
    onClick: (e: MouseEvent<HTMLTableRowElement>) => {
      if ((e.target as Element).closest('a, button, input, select, [role="menu"]')) return;
      navigate(to);
    },
  };
}
