import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers (docs/decisions/0011-layers.md): imports point one way,
//   app/ (routes) → server/ (needs Next, the session or HTTP) → db/ (the only SQL) → lib/ (the pure core).
// components/ are presentational: they take plain data from the routes and use lib/ only.
// Project files are imported as `@/folder/file` (siblings as `./file`), so a specifier names its layer.
const layer = (group, message, allowTypeImports = false) => ({ group, message, allowTypeImports });
const anyLayer = (name) => [`@/${name}`, `@/${name}/*`];
const FRAMEWORK = ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', 'react-dom/*'];
const SQL = ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'];
const PARENT = layer(['../*', '..'], 'Import project files as @/folder/file (a sibling as ./file).');
const restrict = (...patterns) => ['error', { patterns: [PARENT, ...patterns] }];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-restricted-imports': restrict(),
    },
  },
  {
    files: ['lib/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        layer([...anyLayer('db'), ...anyLayer('server'), ...anyLayer('app'), ...anyLayer('components')], 'lib/ is the pure core: it imports no other layer.'),
        layer([...FRAMEWORK, ...SQL], 'lib/ is the pure core: no framework, no SQL (that is db/).'),
      ),
    },
  },
  {
    files: ['db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        layer([...anyLayer('server'), ...anyLayer('app'), ...anyLayer('components')], 'db/ may use lib/ only: the session, HTTP and configuration are server/.'),
        layer(FRAMEWORK, 'db/ knows nothing of Next or React.'),
      ),
    },
  },
  {
    files: ['server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(layer([...anyLayer('app'), ...anyLayer('components')], 'server/ serves the routes; it imports neither routes nor components.')),
    },
  },
  {
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        layer([...anyLayer('server'), ...anyLayer('app')], 'components/ are presentational: the route passes them plain data.'),
        layer(anyLayer('db'), 'components/ may name a query’s result type (import type), never call db/.', true),
        layer(SQL, 'components/ write no SQL.'),
      ),
    },
  },
  // Playwright fixtures call their callback `use`, which is not React's hook.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // Plain Node scripts (no TypeScript, no alias) keep relative paths.
  { files: ['**/*.mjs', '**/*.js'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/out/**', '.stryker-tmp/**', 'reports/**'] },
];

export default config;
