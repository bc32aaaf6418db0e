#!/usr/bin/env node
/**
 * Run by `npm run preview` before it builds: the preview needs a display to open a window on and
 * a Chromium to open it with. Says at once, and plainly, what is missing and what to do, rather
 * than after a build and a browser launch's stack trace.
 */
import { accessSync, constants } from 'node:fs';

/** The same default as e2e/chromium.ts, which the preview launches with. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const problems = [];

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  problems.push(
    'npm run preview opens a Chromium window, and this session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n' +
      'Run it from a terminal in your desktop session, or over SSH with X forwarding (ssh -X).',
  );
}

try {
  accessSync(chromium, constants.X_OK);
} catch {
  problems.push(
    `npm run preview opens the app in Chromium, and there is no Chromium at ${chromium}.\n` +
      'Install it (on Debian or Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exit(1);
}
