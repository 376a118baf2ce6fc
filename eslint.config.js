import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    files: ['entrypoints/content/**', 'lib/page/**', 'lib/text/**', 'lib/prefilter/prefilter.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['compromise', 'compromise/*'],
              message: 'The content script never loads compromise: it runs in every page.',
            },
            {
              group: ['**/nlp/*', '**/judge/*', '**/pack/*', '**/prefilter/prefilter-compile'],
              allowTypeImports: true,
              message:
                'The content script runs stage one only; the NLP and the judge run in the background (types may be imported).',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is plain TypeScript: no browser API, no DOM code of the content script.
    files: [
      'lib/text/**',
      'lib/prefilter/**',
      'lib/nlp/**',
      'lib/judge/**',
      'lib/pack/**',
      'lib/lookup.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
              message: 'The engine has no browser API: pass what it needs in.',
            },
            {
              group: ['**/page/*', '**/entrypoints/**', '**/components/**', '**/settings/*'],
              allowTypeImports: true,
              message: 'The engine does not depend on DOM code, UI or settings storage.',
            },
          ],
        },
      ],
    },
  },
);
