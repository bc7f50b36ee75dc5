import { addTranslations } from './i18n';
import { shellEn, shellSw } from './locales/shell';

// Imported by every module of the partner frame that reads shell.* or nav.* strings: the first import registers them,
// so they travel in the frame's chunk and never in the entry (scripts/bundle-budget.mjs).
addTranslations('en', shellEn);
addTranslations('sw', shellSw);
