import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnnotation } from '../../common/annotation-model';
import { createBriefingServices } from './briefing-services';
import type { HostPorts } from './host-ports';
import { noDialogs, sampleLibrary, useServices } from '../test-support/services-harness';

const startServices = useServices();

/** Services whose link confirmations are accepted, recording the links opened. */
async function setup(ports: Partial<HostPorts> = {}) {
  const opened: string[] = [];
  const services = await startServices({ confirmExternalLink: async () => true, openInBrowser: async (url) => void opened.push(url), ...ports });
  return { ...services, opened };
}

describe('dispatch', () => {
  it('refuses unknown methods and bad arguments with a sentence, never calling the service', async () => {
    const { call } = await setup();
    expect(await call('constructor')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await call('__proto__')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await call('readBriefing', 42)).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: 'readBriefing: argument 1: expected a string of at most 1024 characters.' },
    });
    expect(await call('readBriefing')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('setPreferences', { fontSize: 500 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/fontSize: expected a number from 14 to 30/) },
    });
    expect(await call('setPreferences', { theme: 'dark', evil: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/unknown field "evil"/) },
    });
    expect(await call('setReadingPosition', 'a.md', Number.NaN)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('checks an export request field by field, and shows only files this session exported', async () => {
    const { call } = await setup();
    const options = { comments: true, tags: true, colourNames: true, metadata: true, colours: ['c1'], order: 'text' };
    const good = { scope: { label: 'Everything' }, format: 'pdf', paper: 'A4', options };
    expect(await call('exportNotes', { ...good, format: 'docx' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/format: expected one of pdf, markdown, json/) },
    });
    expect(await call('exportNotes', { ...good, options: { ...options, colours: ['c9'] } })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('exportNotes', { ...good, paper: undefined })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('exportNotes', { scope: { label: 'x' }, format: 'pdf', paper: 'A4' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/missing field "options"/) },
    });
    expect(await call('showExportedFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call('openRecentLibrary', '/etc')).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('opens the sample library on first run and reads a briefing from the copy', async () => {
    const { call, base } = await setup();
    const opened = await call('openCurrentLibrary');
    expect(opened).toMatchObject({ ok: true, value: { root: join(base, 'Documents', 'Library'), available: true } });
    const seed = await call('readBriefing', '000_3a44763ac2fa584f.txt');
    expect(seed).toMatchObject({ ok: true, value: { html: expect.stringContaining('22 concrete actions') } });
  });

  it('reports a service failure meant for people as data, and hides internal errors behind a plain message', async () => {
    const { call, logged } = await setup();
    expect(await call('readBriefing', 'x.md')).toEqual({ ok: false, error: { code: 'library-unavailable', message: 'No library is open yet.' } });
    const { call: failing, logged: failingLog } = await setup({ chooseFolder: async () => Promise.reject(new TypeError('boom at line 3')) });
    expect(await failing('chooseLibrary')).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('boom') } });
    expect(failingLog).toHaveLength(1);
    expect(logged).toHaveLength(0);
  });

  it('opens only web links (http and https), and only after the person confirms', async () => {
    const declined = await setup({ confirmExternalLink: async () => false });
    expect(await declined.call('openExternal', 'https://www.state.gov/')).toEqual({ ok: true, value: false });
    expect(declined.opened).toEqual([]);
    const accepted = await setup();
    for (const url of ['javascript:alert(1)', 'mailto:press@state.gov', 'file:///etc/passwd', 'https://user:pw@example.org/']) {
      expect(await accepted.call('openExternal', url)).toEqual({ ok: true, value: false });
    }
    expect(await accepted.call('openExternal', 'https://www.state.gov/')).toEqual({ ok: true, value: true });
    expect(await accepted.call('openExternal', 'http://kremlin.ru/events/president/news/67828')).toEqual({ ok: true, value: true });
    expect(accepted.opened).toEqual(['https://www.state.gov/', 'http://kremlin.ru/events/president/news/67828']);
  });

  it('remembers preferences, the last library and reading positions across service instances', async () => {
    const first = await setup();
    await first.call('openCurrentLibrary');
    await first.call('setPreferences', { theme: 'sepia', fontSize: 22 });
    await first.call('setReadingPosition', '000_3a44763ac2fa584f.txt', 0.4);
    const again = createBriefingServices(
      {
        userData: join(first.base, 'user-data'),
        sampleLibrary,
        defaultLibrary: join(first.base, 'elsewhere'),
        searchWorker: first.searchWorker,
        printFonts: '',
      },
      { ...noDialogs, confirmExternalLink: async () => false },
    );
    expect(await again.getPreferences()).toMatchObject({ theme: 'sepia', fontSize: 22 });
    expect((await again.openCurrentLibrary()).root).toBe(join(first.base, 'Documents', 'Library'));
    expect(await again.getReadingPosition('000_3a44763ac2fa584f.txt')).toMatchObject({ fraction: 0.4 });
    await again.dispose();
  });

  it('tells a person their search is too long in words, not as a validator message', async () => {
    const { call } = await setup();
    expect(await call('search', { text: 'ceasefire '.repeat(2001), limit: 20, filters: {} })).toEqual({
      ok: false,
      error: { code: 'invalid-arguments', message: 'That search is too long (over 20,000 characters). Search for a few words or a phrase from it instead.' },
    });
  });

  it('refuses notes and reading states for a briefing the library does not list, and writes nothing', async () => {
    const { call, base } = await setup();
    await call('openCurrentLibrary');
    const listed = '000_3a44763ac2fa584f.txt';
    const note = (briefingId: string) =>
      buildAnnotation(
        {
          briefingId,
          fingerprint: '',
          quote: { type: 'TextQuoteSelector', exact: 'concrete actions', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 16 },
          colour: 'c1',
        },
        'urn:uuid:00000000-0000-4000-8000-00000000000a',
        '2024-05-01T10:00:00.000Z',
      );
    const notInLibrary = {
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringMatching(/^“gone\/renamed\.md” is not a briefing in this library \(it may have been renamed or removed\), so /),
      },
    };

    expect(await call('saveAnnotation', 'gone/renamed.md', note('gone/renamed.md'))).toEqual(notInLibrary);
    await expect(access(join(base, 'Documents', 'Library', '.briefing', 'annotations', 'gone', 'renamed.md.json'))).rejects.toThrow();
    expect(await call('setReadingPosition', 'gone/renamed.md', 0.5)).toEqual(notInLibrary);
    // One unknown id among several: none is marked.
    expect(await call('setRead', [listed, 'gone/renamed.md'], true)).toEqual(notInLibrary);
    expect(await call('getReadingStates')).toEqual({ ok: true, value: {} });

    expect(await call('saveAnnotation', listed, note(listed))).toEqual({ ok: true, value: null });
    expect(await call('setRead', [listed], true)).toEqual({ ok: true, value: null });
    expect(await call('getReadingStates')).toMatchObject({ ok: true, value: { [listed]: { read: true } } });
  });
});
