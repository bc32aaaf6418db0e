import type { ImportDocument } from '../../../electron/common/import-model';

/**
 * Pasted text as a briefing file: HTML (copied from a browser) becomes a saved page, which the
 * library's article extraction reads like any other; plain text becomes a text briefing. The
 * file is named after its first line or title, with the time, so two pastes never collide in
 * meaning. Null when there is nothing but white space.
 */
export function pastedDocument(html: string, text: string, now: Date): ImportDocument | null {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '.');
  if (html.trim()) {
    const title = titleOf(new DOMParser().parseFromString(html, 'text/html'), text);
    const page = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${html}\n</body></html>\n`;
    return { name: `${fileStem(title)} (pasted ${stamp}).html`, data: toBase64(page) };
  }
  if (!text.trim()) return null;
  const firstLine = text.trim().split('\n')[0];
  return { name: `${fileStem(firstLine)} (pasted ${stamp}).txt`, data: toBase64(text) };
}

function titleOf(document: Document, text: string): string {
  const heading = document.querySelector('title, h1, h2')?.textContent?.trim();
  return heading || text.trim().split('\n')[0] || 'Pasted page';
}

function fileStem(line: string): string {
  const words = line.replace(/\s+/g, ' ').trim();
  return (words.length > 60 ? `${words.slice(0, 60).replace(/\s+\S*$/, '')}…` : words) || 'Pasted';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
