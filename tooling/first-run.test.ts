/**
 * What a new user sees when `npm start` or `npm run preview` cannot open a window here: one plain
 * paragraph, at once, before any build. Both run as the user runs them, as child processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch: string[] = [];

function emptyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-first-run-'));
  scratch.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

/** Signs that a build ran: vite's and build-electron's lines, and the build wrapper's. */
const BUILD_OUTPUT = /vite|built|dist\//i;

describe('npm start without the Electron binary', () => {
  it('says in one paragraph that the binary is missing and gives both ways forward, with no stack trace and no build', () => {
    // A dist folder that does not exist stands in for a missing binary, even where one is
    // installed (Electron's installer counts an existing override folder as installed); a
    // download mirror that refuses connections makes the installer fail as it does offline.
    const { code, stdout, stderr } = run(process.execPath, ['scripts/start-electron.mjs'], {
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: join(emptyDir(), 'no-electron-here'),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: emptyDir(),
    });

    expect(code).toBe(1);
    const paragraph = stderr.trim();
    expect(paragraph).not.toMatch(/\n\s*\n/);
    expect(paragraph).toMatch(/^The Electron binary is not installed, and it could not be downloaded \(fetch failed\)\./);
    expect(paragraph).toContain('npx install-electron');
    expect(paragraph).toContain('node node_modules/electron/install.js');
    expect(paragraph).toContain('npm run preview');
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at |TypeError/m);
    expect(stdout.trim()).toBe('Downloading the Electron binary (first start only)…');
    expect(stdout).not.toMatch(BUILD_OUTPUT);
  });
});

describe.skipIf(process.platform !== 'linux')('npm run preview on a Linux machine that cannot show it', () => {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...noDisplay } = process.env;

  it('with no display, says so and what to do, and exits before building', () => {
    const { code, output } = run('npm', ['run', '--silent', 'preview'], noDisplay);

    expect(code).not.toBe(0);
    expect(output).toContain(
      'npm run preview opens a Chromium window, and this session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n' +
        'Run it from a terminal in your desktop session, or over SSH with X forwarding (ssh -X).',
    );
    expect(output).not.toMatch(BUILD_OUTPUT);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('with no Chromium, names the path it looked at and how to install one, and exits before building', () => {
    const missing = join(emptyDir(), 'chromium');
    const { code, output } = run('npm', ['run', '--silent', 'preview'], { ...noDisplay, DISPLAY: ':0', CHROMIUM_PATH: missing });

    expect(code).not.toBe(0);
    expect(output).toContain(`there is no Chromium at ${missing}`);
    expect(output).toContain('apt-get install chromium');
    expect(output).toContain('CHROMIUM_PATH');
    expect(output).not.toMatch(BUILD_OUTPUT);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
