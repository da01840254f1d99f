import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';

const ROW_HEIGHT = 44;

/**
 * The scrolling body of a long list: only the rows in view are in the DOM
 * (5,000 agreements stay fast), each row opens its record on click or Enter.
 */
export function VirtualRows<R extends { id: number }>(props: {
  rows: readonly R[];
  /** `data-*` attribute carrying the record's id, for tests and styles. */
  idAttribute: `data-${string}`;
  href: (row: R) => string;
  testId: string;
  /** Shown instead of rows when the list is loaded and empty. */
  empty: ReactNode;
  children: (row: R) => ReactNode;
}) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  return (
    <div className="tbody" ref={scrollRef} data-testid={props.testId}>
      {props.empty}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = props.rows[item.index]!;
          return (
            <div
              key={row.id}
              className="tr"
              role="row"
              tabIndex={0}
              {...{ [props.idAttribute]: row.id }}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              onClick={() => navigate(props.href(row))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') navigate(props.href(row));
              }}
            >
              {props.children(row)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
