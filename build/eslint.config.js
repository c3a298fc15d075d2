// Lint for the whole repository. `shared/` is pure: it may not import the DOM,
// Node, Electron or renderer code (no-restricted-imports + no DOM globals).
// No module may load itself back through its imports (import-x/no-cycle; type-only
// imports do not count, they vanish at run time).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'util',
  'stream',
  'buffer',
  'events',
  'http',
  'https',
  'net',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.d.mts'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure: no Electron.' },
            { name: 'react', message: 'shared/ is pure: no UI code.' },
            { name: 'dexie', message: 'shared/ is pure: storage belongs to the renderer.' },
            ...nodeBuiltins.flatMap((m) => [
              { name: m, message: 'shared/ is pure: no Node built-ins.' },
              { name: `node:${m}`, message: 'shared/ is pure: no Node built-ins.' },
            ]),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
            { group: ['**/renderer/**', '**/electron/**', 'react-dom', 'react-dom/*'], message: 'shared/ may not import app or DOM code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer reaches main only through window.pacto (renderer/platform).' }] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.{ts,js,mjs}', 'test/**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
