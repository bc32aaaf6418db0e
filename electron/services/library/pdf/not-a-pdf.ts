import type { Problem } from '../../../common/model';

/** Readers accept a PDF header anywhere in the first kilobyte (some files carry junk before it). */
const HEADER_WINDOW = 1024;

/**
 * Why bytes with a `.pdf` name are not a PDF (no `%PDF-` header near the start), or null when they
 * are one. Says what the file seems to hold, so the person knows which name it should have.
 */
export function notAPdf(bytes: Uint8Array): Problem | null {
  const start = Buffer.from(bytes.subarray(0, HEADER_WINDOW)).toString('latin1');
  if (start.includes('%PDF-')) return null;
  const opening = start
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
  const holds = /^(<!doctype html|<html|<head|<body|<meta|<!--)/.test(opening)
    ? 'a web page (HTML): rename it to .html to read it'
    : opening.startsWith('pk\u0003\u0004')
      ? 'a zip archive (perhaps a Word or other Office document)'
      : bytes.subarray(0, HEADER_WINDOW).includes(0)
        ? 'data of another kind'
        : 'plain text: rename it to .txt to read it';
  return { code: 'damaged', severity: 'error', message: `This file is not a PDF, although its name ends in .pdf: it holds ${holds}.` };
}
