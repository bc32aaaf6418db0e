import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  externalLinkWarning,
  isAllowedExternalUrl,
  isAppUrl,
  resolveAppPath,
  UNENCRYPTED_LINK_WARNING,
} from './security';

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
  it('lets http and https links with a host leave the app, and nothing else', () => {
    for (const url of ['https://www.whitehouse.gov/briefing-room/', 'http://kremlin.ru/events/president/news/67828', 'HTTP://EN.KREMLIN.RU/']) {
      expect(isAllowedExternalUrl(url)).toBe(true);
    }
    const refused = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'ftp://example.org/',
      'data:text/html,x',
      'app://briefing/x',
      'smb://server/share',
    ];
    const withCredentials = ['https://u:p@x.org', 'http://user@example.org/'];
    const withoutHost = ['https:', 'http://', 'https:///', '/relative/path', 'example.org', ''];
    for (const url of [...refused, ...withCredentials, ...withoutHost]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('warns about http links only', () => {
    expect(externalLinkWarning('http://kremlin.ru/events/president/news/67828')).toBe(UNENCRYPTED_LINK_WARNING);
    expect(UNENCRYPTED_LINK_WARNING).toMatch(/^This link is not encrypted \(http\)/);
    for (const url of ['https://www.un.org/', 'javascript:alert(1)', 'http://u:p@example.org/']) expect(externalLinkWarning(url)).toBeNull();
  });

  it('knows the app origin for custom schemes, where URL.origin is "null"', () => {
    expect(isAppUrl('app://briefing/assets/a.js', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://briefing.evil/a.js', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://briefing/a.js', APP_ORIGIN)).toBe(false);
  });

  it('allows no inline script or style and no remote source in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|https:|http:|blob:|\*/);
  });

  it('widens the CSP for PDFs only to the app itself: its worker, its data files, and compiling (not evaluating) wasm', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
  });

  it("serves pdf.js's wasm decoders as wasm and its other data files as bytes", () => {
    expect(contentTypeFor('pdfjs/wasm/openjpeg.wasm')).toBe('application/wasm');
    expect(contentTypeFor('pdfjs/iccs/CGATS001Compat-v2-micro.icc')).toBe('application/vnd.iccprofile');
    expect(contentTypeFor('pdfjs/cmaps/UniJIS-UCS2-H.bcmap')).toBe('application/octet-stream');
    expect(contentTypeFor('pdfjs/standard_fonts/FoxitSerif.pfb')).toBe('application/octet-stream');
    expect(contentTypeFor('assets/pdf.worker.min-abc123.mjs')).toBe('text/javascript; charset=utf-8');
  });
});
