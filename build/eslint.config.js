import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The IPMI stack, services, IPC handlers and CLI must run in plain Node: only electron/main and
// electron/preload may import `electron`, and nothing under electron/ may import React or DOM code.
const nodeOnly = {
  patterns: [
    {
      group: ['electron', 'electron/*'],
      message: 'Only electron/main and electron/preload may import electron.',
    },
    {
      group: ['react', 'react-dom', 'react/*', '**/renderer/**'],
      message: 'Main-process code cannot import renderer code.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', '.tsbuild/**', 'release/**', 'test-results/**', '**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['electron/ipmi/**', 'electron/services/**', 'electron/ipc/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', nodeOnly] },
  },
  {
    files: ['renderer/**', 'shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '**/electron/**'],
              message: 'Renderer and shared code run without Node.',
            },
          ],
        },
      ],
    },
  },
  {
    // renderer tests run in Node (vitest unit tier): they may read the sources, never import Electron
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', '**/electron/**'], message: 'The renderer never imports Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['build/**/*.{js,mjs}', 'bin/**', 'e2e/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
