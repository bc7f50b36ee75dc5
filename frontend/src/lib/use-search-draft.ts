import { useEffect, useRef, useState } from 'react';

/**
 * A search box over a URL param: the box shows what is typed at once, and the URL (and so the query) follows once typing
 * pauses for `delay` ms. When the URL changes from elsewhere (Back, a reset, a link), the box shows the new value.
 * Typing never waits on the router, so the caret does not jump.
 */
export function useSearchDraft(value: string, commit: (text: string) => void, delay = 300): [string, (text: string) => void] {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const committed = useRef(value);
  const timer = useRef<number | undefined>(undefined);
  const latestCommit = useRef(commit);
  latestCommit.current = commit;

  // The URL moved without us (Back, reset): show it. Our own commit of a trimmed draft must not eat a typed space.
  if (value !== shown) {
    setShown(value);
    if (value !== committed.current) {
      window.clearTimeout(timer.current);
      committed.current = value;
      setDraft(value);
    }
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = (text: string) => {
    setDraft(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      committed.current = text.trim();
      latestCommit.current(text);
    }, delay);
  };

  return [draft, change];
}
