// Lint: typescript-eslint (typed rules) plus the layer rules of ../shared/STYLE.md:
// shared/ is pure, renderer/ is DOM-only, only electron adapters import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'child_process',
  'worker_threads',
  'url',
  'stream',
  'zlib',
  'util',
  'events',
  'net',
];
const nodeOnly = ['better-sqlite3', 'electron', 'electron/*', ...nodeBuiltins];

const restrict = (patterns, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns, message, allowTypeImports: false }] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.shared.json',
          './tsconfig.node.json',
          './tsconfig.web.json',
          './tsconfig.e2e.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeOnly, 'react', 'react-dom', 'cornerstone-core', '**/db/**', '**/electron/**', '**/renderer/**'],
      'shared/ is pure: no Node, Electron, database or DOM.',
    ),
    languageOptions: { globals: {} },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeOnly, '**/db/**', '**/electron/**'],
      'renderer/ is DOM-only: talk to the backend through renderer/api.ts.',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react-dom', '**/renderer/**', '**/electron/**'],
      'db/ is Node-only and knows nothing of hosts or UI.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/adapters/**'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react-dom', '**/renderer/**'],
      "Only electron/main.ts, preload.ts and electron/adapters/ import 'electron' (the rest runs under plain Node).",
    ),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { project: false, projectService: false, program: null },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: [
      '*.config.{ts,js}',
      'eslint.config.js',
      'playwright.config.ts',
      'vite.config.ts',
      'vitest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
