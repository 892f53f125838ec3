// Minimal lint: typescript-eslint's recommended rules, hooks rules, promise rules, and the one-way import
// boundaries of docs/DESIGN (client → shared, server → shared, mocks → shared; features never import each other).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const boundary = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-demo/**', 'node_modules/**', 'data/**', 'public/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['eslint.config.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/shared/**'],
    rules: boundary(['**/client/**', '**/server/**', '**/mocks/**', 'react', 'react-dom', 'node:*', 'fs', 'path'], 'shared/ is pure TypeScript: no DOM, no Node, no client/server code'),
  },
  { files: ['src/client/**'], rules: boundary(['**/server/**', 'node:*', 'better-sqlite3', 'fastify', 'socket.io'], 'the client never imports the server') },
  { files: ['src/server/**'], rules: boundary(['**/client/**', 'react', 'react-dom'], 'the server never imports the client') },
  { files: ['mocks/**'], rules: boundary(['**/server/**', '**/client/**'], 'mocks import only shared/') },
  // features do not import each other (compose them in app/): a relative path that climbs to features/ and
  // goes down into a sibling is refused, at each folder depth we use
  {
    files: ['src/client/features/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./[^./]', message: 'features do not import each other: compose them in app/' }, { group: ['**/server/**', 'node:*'], message: 'the client never imports the server' }] }] },
  },
  {
    files: ['src/client/features/*/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./[^./]', message: 'features do not import each other: compose them in app/' }, { group: ['**/server/**', 'node:*'], message: 'the client never imports the server' }] }] },
  },
);
