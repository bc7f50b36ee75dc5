import { useState } from 'react';

/**
 * Rows ticked in a paged table, kept across pages (by key): tick one, tick or untick the whole page,
 * drop some, or clear them all.
 */
export function useRowSelection<T>(rows: T[], keyOf: (row: T) => string) {
  const [selected, setSelected] = useState<Map<string, T>>(new Map());

  const toggle = (row: T) =>
    setSelected((prev) => {
      const next = new Map(prev);
      const key = keyOf(row);
      if (next.has(key)) next.delete(key);
      else next.set(key, row);
      return next;
    });

  const allOnPage = rows.length > 0 && rows.every((row) => selected.has(keyOf(row)));

  const toggleAll = () =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const row of rows) {
        if (allOnPage) next.delete(keyOf(row));
        else next.set(keyOf(row), row);
      }
      return next;
    });

  const deselect = (keys: string[]) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const key of keys) next.delete(key);
      return next;
    });

  const clear = () => setSelected(new Map());

  return { selected, toggle, toggleAll, allOnPage, deselect, clear };
}

export type RowSelection<T> = ReturnType<typeof useRowSelection<T>>;
