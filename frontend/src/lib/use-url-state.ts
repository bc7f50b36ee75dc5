import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/**
 * List state (filters, page, search, tabs, view toggles) kept in the URL, so Back, reload and a shared link all
 * restore it. One typed param per key:
 * - a missing or invalid value reads as the default, and a default value is left out of the URL;
 * - a change pushes a history entry (Back undoes it), except for params marked `replace` (search text), which
 *   replace the current entry instead of adding one per keystroke;
 * - changing any param of a schema resets its `page` param to the first page, unless the change sets the page too.
 *
 * Each list owns its keys; a page with several lists gives each its own names, and an update leaves other keys alone.
 *
 * (nuqs was considered: its react-router adapter reads and writes window.location and window.history itself, so it
 * does not follow a memory router and its shallow updates bypass the router; this hook stays on react-router.)
 */
export interface UrlParam<T> {
  defaultValue: T;
  /** The value of a raw URL string, or undefined when it is not a valid value (the default is used). */
  parse: (raw: string) => T | undefined;
  serialize: (value: T) => string;
  /** Replace the history entry instead of pushing one (for text typed into a search box). */
  replace?: boolean;
  /** This is the list's page: other changes reset it. */
  isPage?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each key has its own value type
export type UrlSchema = Record<string, UrlParam<any>>;
export type UrlValues<S extends UrlSchema> = { [K in keyof S]: S[K]['defaultValue'] };
/**
 * Writes changes in one navigation. Two calls in the same event would each start from the URL as rendered, so the second
 * would undo the first: make one call with every change.
 */
export type SetUrlValues<S extends UrlSchema> = (changes: Partial<UrlValues<S>>, options?: { replace?: boolean; state?: unknown }) => void;

export const urlParam = {
  /** Free text (an id, a county); `replace` for a search box. Trimmed: surrounding spaces never reach the URL. */
  string(defaultValue = '', options: { replace?: boolean } = {}): UrlParam<string> {
    return { defaultValue, parse: (raw) => raw.trim(), serialize: (v) => v.trim(), replace: options.replace };
  },
  /** Text typed into a search box: replaces the history entry. */
  search(): UrlParam<string> {
    return urlParam.string('', { replace: true });
  },
  /** One of a fixed set of values; anything else reads as the default. */
  oneOf<const T extends string>(values: readonly T[], defaultValue: T): UrlParam<T> {
    return { defaultValue, parse: (raw) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined, serialize: (v) => v };
  },
  /** `true` when the URL says "true"; left out when false. */
  flag(): UrlParam<boolean> {
    return { defaultValue: false, parse: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined), serialize: (v) => String(v) };
  },
  /** The page of a list: a whole number from 1; 0, negatives, fractions and words read as 1. */
  page(): UrlParam<number> {
    return {
      defaultValue: 1,
      parse: (raw) => (/^\d+$/.test(raw) && Number(raw) >= 1 && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined),
      serialize: (v) => String(v),
      isPage: true,
    };
  },
};

function read<T>(param: UrlParam<T>, raw: string | null): T {
  if (raw === null) return param.defaultValue;
  const value = param.parse(raw);
  return value === undefined ? param.defaultValue : value;
}

function write<T>(params: URLSearchParams, key: string, param: UrlParam<T>, value: T | undefined) {
  const text = value === undefined ? '' : param.serialize(value);
  if (value === undefined || text === '' || text === param.serialize(param.defaultValue)) params.delete(key);
  else params.set(key, text);
}

/** The schema's values read from the URL (define the schema once, outside the component), and a setter that writes changes back (see the rules above). */
export function useUrlState<S extends UrlSchema>(schema: S): [UrlValues<S>, SetUrlValues<S>] {
  const [params, setParams] = useSearchParams();
  const { state } = useLocation();
  const search = params.toString();

  const values = useMemo(() => {
    const current = new URLSearchParams(search);
    const out = {} as UrlValues<S>;
    for (const key of Object.keys(schema) as (keyof S & string)[]) out[key] = read(schema[key]!, current.get(key));
    return out;
  }, [schema, search]);

  const set = useCallback<SetUrlValues<S>>(
    (changes, options = {}) => {
      const keys = Object.keys(changes).filter((key) => key in schema);
      if (keys.length === 0) return;
      const next = new URLSearchParams(search);
      for (const key of keys) write(next, key, schema[key]!, changes[key]);
      const pageKey = Object.keys(schema).find((key) => schema[key]!.isPage);
      const before = new URLSearchParams(search);
      if (pageKey && !keys.includes(pageKey) && keys.some((key) => before.get(key) !== next.get(key))) next.delete(pageKey);
      if (next.toString() === search) return; // no change, no history entry
      const replace = options.replace ?? keys.every((key) => schema[key]!.replace);
      // A replaced entry keeps its history state (a page may have marked the entry it pushed).
      setParams(next, { replace, preventScrollReset: true, state: 'state' in options ? options.state : replace ? state : undefined });
    },
    [schema, search, setParams, state],
  );

  return [values, set];
}
