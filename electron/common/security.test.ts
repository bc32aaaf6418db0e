import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAppUrl, resolveAppPath } from './security';

describe('resolveAppPath', () => {
  it.each([
    [`${APP_ORIGIN}/`, 'index.html'],
    [`${APP_ORIGIN}/index.html`, 'index.html'],
    [`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, 'assets/index-abc.js'],
    [`${APP_ORIGIN}/assets/font%20name.woff2`, 'assets/font name.woff2'],
  ])('serves %s as %s', (url, expected) => {
    expect(resolveAppPath(url, APP_ORIGIN)).toBe(expected);
  });

  it.each([
    `${APP_ORIGIN}/assets/..%2f..%2fsecret`,
    `${APP_ORIGIN}/assets%5c..%5csecret`,
    `${APP_ORIGIN}/%00index.html`,
    `${APP_ORIGIN}/.env`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://other/index.html',
    'https://briefing/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, APP_ORIGIN)).toBeNull();
  });
});

it('clamps dot segments the URL parser resolves to the bundle root, so they cannot climb out', () => {
  expect(resolveAppPath(`${APP_ORIGIN}/../etc/passwd`, APP_ORIGIN)).toBe('etc/passwd');
  expect(resolveAppPath(`${APP_ORIGIN}/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd`, APP_ORIGIN)).toBe('etc/passwd');
});

describe('link and request rules', () => {
  it('lets only https links with a host leave the app', () => {
    expect(isAllowedExternalUrl('https://www.whitehouse.gov/briefing-room/')).toBe(true);
    for (const url of ['http://example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@b.c', 'https://u:p@x.org', 'app://briefing/x']) {
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
  });

  it('knows the app origin for custom schemes, where URL.origin is "null"', () => {
    expect(isAppUrl('app://briefing/assets/a.js', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://briefing.evil/a.js', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://briefing/a.js', APP_ORIGIN)).toBe(false);
  });

  it('allows no inline script or style and no remote source in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https:|\*/);
  });
});
