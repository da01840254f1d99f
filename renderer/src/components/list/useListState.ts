import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 50;
export type Dir = 'asc' | 'desc';

/**
 * A list screen's state in the URL (`?q=…&status=…&sort=…&dir=…&page=…`): a filtered, sorted view
 * survives a reload, the back button and a link sent to a colleague. Any change of filter or sort
 * goes back to the first page; `replace` keeps typing in the search box out of the history.
 */
export function useListState<S extends string>(sorts: readonly S[], defaults: { sort: S; dir: Dir }) {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? '';
  const update = (change: (p: URLSearchParams) => void) =>
    setParams(
      (p) => {
        change(p);
        return p;
      },
      { replace: true },
    );
  const set = (key: string, value: string) =>
    update((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      if (key !== 'page') p.delete('page');
    });
  const wanted = params.get('sort');
  const sort = sorts.find((s) => s === wanted) ?? defaults.sort;
  const dirParam = params.get('dir');
  const dir: Dir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaults.dir;
  const toggleSort = (column: S) =>
    update((p) => {
      p.set('dir', sort === column ? (dir === 'asc' ? 'desc' : 'asc') : 'asc');
      p.set('sort', column);
      p.delete('page');
    });
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const setPage = (n: number) => set('page', n > 1 ? String(n) : '');
  return { params, get, set, sort, dir, toggleSort, page, setPage, paging: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE } };
}

export type ListState<S extends string> = ReturnType<typeof useListState<S>>;
