import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const STATE_TESTS = 'renderer/src/state/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'tooling/**/*.test.ts'],
          exclude: [STATE_TESTS],
          environment: 'node',
        },
      },
      {
        // The renderer's state modules use runes: compiled by the Svelte plugin against Svelte's
        // browser runtime (the server one does not track $derived). Run as Node code, since their
        // tests drive the real services; test-support/host.ts gives them a happy-dom window.
        extends: true,
        plugins: [svelte()],
        ssr: { resolve: { conditions: ['browser'] } },
        test: { name: 'renderer-state', include: [STATE_TESTS], environment: 'node', server: { deps: { inline: ['svelte'] } } },
      },
    ],
  },
});
