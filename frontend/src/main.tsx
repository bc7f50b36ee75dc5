import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import './index.css';
import { App } from './app/App';
import { applyTheme, storedTheme } from './lib/theme';
import { startLanguage } from './i18n/i18n';

// Before the first paint, so a light-theme user never sees a dark flash while /auth/me answers.
applyTheme(storedTheme());

// The saved language's strings first (Kiswahili is fetched only for its readers), so the first paint is in it.
void startLanguage().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
