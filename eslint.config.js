import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * Every Node built-in by its bare name (`events`, `buffer`, `fs/promises`...), from Node itself so
 * none slips past; `node:`-prefixed imports are caught by a pattern. Bare module names are matched
 * exactly; path patterns (gitignore style) by folder.
 */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('node:'));

/** One rule per layer (DESIGN.md "Layout"): imports flow common <- services <- main, common <- preload, common <- renderer. */
const layer = (files, { modules = [], patterns }, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { paths: modules.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', 'content/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  layer(
    ['electron/common/**'],
    { modules: ['electron', 'svelte', ...NODE_BUILTINS], patterns: ['node:*', '**/services/**', '**/main/**', '**/preload/**', '**/renderer/**'] },
    'electron/common is pure TypeScript shared by every process: no electron, no node:*, no DOM, no other layer.',
  ),
  layer(
    ['electron/services/**'],
    { modules: ['electron'], patterns: ['**/main/**', '**/preload/**', '**/renderer/**'] },
    'services are plain Node: they may import common and node:*, never electron, main, preload or the renderer.',
  ),
  layer(['electron/main/**'], { patterns: ['**/renderer/**', '**/preload/**', '**/e2e/**', '**/web-host/**'] }, 'main may import common and services only.'),
  layer(
    ['electron/preload/**'],
    { modules: NODE_BUILTINS, patterns: ['node:*', '**/services/**', '**/main/**', '**/renderer/**'] },
    'the preload is contextBridge only: it may import electron and common.',
  ),
  layer(
    ['renderer/**'],
    {
      modules: ['electron', ...NODE_BUILTINS],
      patterns: ['node:*', '**/electron/services/**', '**/electron/main/**', '**/electron/preload/**', '**/e2e/**', '**/web-host/**'],
    },
    'the renderer knows nothing of Electron or Node: it talks to window.briefing and imports only electron/common.',
  ),
  layer(
    ['web-host/**', 'e2e/**', 'bench/**', 'scripts/**'],
    { patterns: ['**/electron/main/**'] },
    'the web host, tests and tools drive services and common, never the Electron shell.',
  ),
  layer(
    ['renderer/src/state/**/*.test.ts', 'renderer/src/state/test-support/**'],
    { patterns: ['**/electron/main/**', '**/electron/preload/**'] },
    "the state modules' tests host them on the real services, as the web host does; never the Electron shell.",
  ),
);
