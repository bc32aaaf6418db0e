import { describe, expect, it } from 'vitest';
import type { BriefingSummary } from '../../common/model';
import { useTempDirs } from '../test-support/temp-dir';
import { MANIFEST_VERSION, ManifestCache } from './manifest';

const tempDir = useTempDirs();

const summary: BriefingSummary = {
  id: 'un-general-debate/2022-ukraine-zelenskyy-unga-77-general-debate.md',
  title: 'Statement by Volodymyr Zelenskyy',
  source: 'United Nations General Assembly',
  date: '2022-01-01',
  language: 'en',
  tags: [],
  format: 'markdown',
  sizeBytes: 20_000,
  wordCount: 3000,
  fingerprint: 'f'.repeat(32),
  problem: null,
};

describe('ManifestCache', () => {
  it('does not trust a listing cached before dates kept their precision (version 1 said 2022-01-01), so the file is read again', async () => {
    const cache = new ManifestCache(await tempDir());
    await cache.save({ version: 1, root: '/library', entries: { [summary.id]: { size: 20_000, mtimeMs: 1, summary } } });
    expect((await cache.load('/library')).entries).toEqual({});
  });

  it('trusts a listing cached by this version', async () => {
    const cache = new ManifestCache(await tempDir());
    const entries = { [summary.id]: { size: 20_000, mtimeMs: 1, summary: { ...summary, date: '2022-09' } } };
    await cache.save({ version: MANIFEST_VERSION, root: '/library', entries });
    expect((await cache.load('/library')).entries).toEqual(entries);
  });
});
