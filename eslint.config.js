import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers (README, "How it works"): the files of each, and what each may not import.
/** Engine code that the content script also runs. */
const SHARED_WITH_PAGE = ['lib/text/**', 'lib/prefilter/prefilter.ts'];
const PAGE = ['entrypoints/content/**', 'lib/page/**', ...SHARED_WITH_PAGE];
const ENGINE = [
  ...SHARED_WITH_PAGE,
  'lib/prefilter/**',
  'lib/nlp/**',
  'lib/judge/**',
  'lib/pack/**',
  'lib/lookup.ts',
  'lib/language/**',
];

const NO_COMPROMISE = {
  group: ['compromise', 'compromise/*'],
  message: 'The content script never loads compromise: it runs in every page.',
};
const STAGE_ONE_ONLY = {
  group: ['**/nlp/*', '**/judge/*', '**/pack/*', '**/prefilter/prefilter-compile'],
  allowTypeImports: true,
  message:
    'The content script runs stage one only; the NLP and the judge run in the background (types may be imported).',
};
const PAGE_LANGUAGE_ONLY =
  'Code in the page takes `pageLanguage` from lib/language/shipped, never a whole language.';
const PAGE_RULES = [
  NO_COMPROMISE,
  STAGE_ONE_ONLY,
  { group: ['**/language/en'], allowTypeImports: true, message: PAGE_LANGUAGE_ONLY },
  { group: ['**/language/shipped'], importNames: ['language'], message: PAGE_LANGUAGE_ONLY },
];
const ENGINE_RULES = [
  {
    group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
    message: 'The engine has no browser API: pass what it needs in.',
  },
  {
    group: ['**/page/*', '**/entrypoints/**', '**/components/**', '**/settings/*'],
    allowTypeImports: true,
    message: 'The engine does not depend on DOM code, UI or settings storage.',
  },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Page and pack text must never become markup or code (issue 8).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with Preact or textContent.' },
        { property: 'outerHTML', message: 'Render text with Preact or textContent.' },
        { property: 'insertAdjacentHTML', message: 'Render text with Preact or textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML from strings.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The layers (README, "How it works"). Types may cross them; code may not.
  {
    // What runs in every page: never compromise, the NLP stage or the judge.
    files: PAGE,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: PAGE_RULES }] },
  },
  {
    // The engine is plain TypeScript: no browser API, no DOM code of the content script.
    files: ENGINE,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: ENGINE_RULES }] },
  },
  {
    // Page code that is also engine code keeps both sets (a later block's options replace an earlier one's).
    files: SHARED_WITH_PAGE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...PAGE_RULES, ...ENGINE_RULES] },
      ],
    },
  },
  {
    // A language is data the content script carries (its page part): no compromise, no stage two.
    files: ['lib/language/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [NO_COMPROMISE, STAGE_ONE_ONLY, ...ENGINE_RULES] },
      ],
    },
  },
);
