export type Theme = 'dark' | 'light';

const KEY = 'elimu.theme';

/** The theme this browser last used (so the first paint before /auth/me answers is already right); dark by default. */
export function storedTheme(): Theme {
  try {
    return localStorage.getItem(KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/** Sets the theme on <html> (index.css swaps the colour tokens on data-theme) and remembers it in this browser. */
export function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // private mode: the account still keeps it
  }
}
