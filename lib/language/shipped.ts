import { en, enPage } from './en';
import type { Language, PageLanguage } from './language';

/**
 * The language Myth Lens reads: the one place the engine takes its words
 * from. One language ships; the top-level README ("Adding a language") lists
 * what another needs. Code that runs in the page takes `pageLanguage` only,
 * so the content script never carries the rest (eslint.config.js).
 */
export const language: Language = en;

export const pageLanguage: PageLanguage = enPage;
