import { defineConfig } from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const electron = findElectronBinary();
if (!electron.found && !process.env.TEST_WORKER_INDEX) {
  // Said once, plainly, at the top of every run: the electron target exists but cannot run here.
  console.log(
    `\n[e2e] electron target SKIPPED: ${electron.reason}\n[e2e] Running the web target only (the same renderer and services in Debian's Chromium).\n`,
  );
}

export default defineConfig<{ target: 'web' | 'electron' }>({
  testDir: './specs',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'web', use: { target: 'web' } }, ...(electron.found ? [{ name: 'electron', use: { target: 'electron' as const } }] : [])],
});
