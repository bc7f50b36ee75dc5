import { addTranslations } from './i18n';
import { shellEn, shellSw } from './locales/shell';

// Imported by every module of the partner frame that reads shell.* or nav.* strings: the first import registers them,
// so they travel in the frame's chunk and never in the entry (scripts/bundle-budget.mjs). package.json's sideEffects
// names this file, or the build would drop an import that binds nothing.
addTranslations('en', shellEn);
addTranslations('sw', shellSw);
