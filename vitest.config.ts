import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'tooling/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
