import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../common/security';
import { fakeElectron } from './testing/fake-electron';
import { planAppResponse, registerAppProtocol, respondToAppRequest } from './app-protocol';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefing-protocol-'));
  rendererDir = join(root, 'dist', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Briefing Reader</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string) => respondToAppRequest({ url, method: 'GET' }, rendererDir);

describe('planAppResponse', () => {
  it('serves index.html for the origin root', () => {
    for (const url of ['app://briefing', 'app://briefing/', 'app://briefing/index.html']) {
      const plan = planAppResponse(url, 'GET', rendererDir);
      expect(plan.status).toBe(200);
      expect(plan.filePath).toBe(join(rendererDir, 'index.html'));
      expect(plan.headers['Content-Type']).toBe('text/html; charset=utf-8');
    }
  });

  // The URL parser already folds `..` and `%2e%2e` segments, so these arrive as paths inside the
  // origin; what matters is that no plan ever points outside the renderer folder.
  it.each([
    'app://briefing/../etc/passwd',
    'app://briefing/%2e%2e/%2e%2e/etc/passwd',
    'app://briefing/assets/%2E%2E/%2E%2E/secret.txt',
    'app://briefing/./../secret.txt',
  ])('keeps %s inside the renderer folder', (url) => {
    const plan = planAppResponse(url, 'GET', rendererDir);
    expect(plan.filePath === null || plan.filePath.startsWith(rendererDir + sep)).toBe(true);
  });

  it.each([
    'app://briefing/..%2f..%2fsecret.txt',
    'app://briefing/assets/..%2F..%2F..%2Fsecret.txt',
    'app://briefing/..%5c..%5csecret.txt',
    'app://briefing/assets%5c..%5c..%5csecret.txt',
    'app://briefing/%00index.html',
    'app://briefing/%E0%A4%A',
    'app://briefing/.env',
    'app://briefing/assets/.hidden.js',
    'app://other/index.html',
    'app://briefing.evil/index.html',
    'app://briefing:8080/index.html',
    'https://briefing/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    const plan = planAppResponse(url, 'GET', rendererDir);
    expect(plan.status).toBe(404);
    expect(plan.filePath).toBeNull();
  });

  it('answers only GET and HEAD', () => {
    expect(planAppResponse('app://briefing/', 'POST', rendererDir).status).toBe(405);
    expect(planAppResponse('app://briefing/', 'HEAD', rendererDir).status).toBe(200);
  });

  it('puts the CSP and nosniff on every answer, errors included', () => {
    for (const plan of [
      planAppResponse('app://briefing/', 'GET', rendererDir),
      planAppResponse('app://briefing/../x', 'GET', rendererDir),
      planAppResponse('app://briefing/', 'PUT', rendererDir),
    ]) {
      expect(plan.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(plan.headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });
});

describe('respondToAppRequest', () => {
  it('serves files with their content type and the security headers', async () => {
    const index = await get('app://briefing/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Briefing Reader</title>');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://briefing/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for files that do not exist, folders, and traversal', async () => {
    for (const url of [
      'app://briefing/missing.js',
      'app://briefing/assets',
      'app://briefing/../secret.txt',
      'app://briefing/%2e%2e/secret.txt',
      'app://briefing/..%2fsecret.txt',
      'app://briefing/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('sends no body for HEAD', async () => {
    const response = await respondToAppRequest({ url: 'app://briefing/', method: 'HEAD' }, rendererDir);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('registerAppProtocol', () => {
  it('handles the app scheme through the same resolver', async () => {
    registerAppProtocol(rendererDir);
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = fakeElectron.protocol.handle.mock.calls[0][1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://briefing/index.html'))).status).toBe(200);
    expect((await handler(new Request('app://briefing/%2e%2e/secret.txt'))).status).toBe(404);
  });
});
