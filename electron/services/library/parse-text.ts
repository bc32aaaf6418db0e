import { splitFrontMatter } from './front-matter';
import { firstText, titleFromText, titleFromFileName, urlOf } from './metadata-fields';
import { normaliseDate } from './written-date';
import { linesAreParagraphs } from './line-paragraphs';
import { decodeOoxmlEscapes } from './ooxml-escapes';
import type { ParsedDocument } from './parsed-document';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A title line is short, ends without a full stop, and is followed by a blank line. */
const TITLE_LINE = /^([^\n]{3,120}?)[ \t]*\n[ \t]*\n/;

/**
 * A plain text briefing. Its first line is the title when it looks like one; otherwise the title is
 * the first sentence. Paragraphs are separated by blank lines; lines within them are paragraphs too
 * when the text puts one paragraph on each line (as text copied from a web page or a transcript
 * does), and are joined when the text is wrapped at a column (`linesAreParagraphs`).
 */
export function parseText(id: string, text: string): ParsedDocument {
  const { metadata, body: fullBody, problem } = splitFrontMatter(decodeOoxmlEscapes(text).replace(/\r\n?/g, '\n'));
  const titleLine = TITLE_LINE.exec(fullBody.trimStart());
  const usesTitleLine = !firstText(metadata, 'title') && titleLine !== null && !/[.,;:]$/.test(titleLine[1]);
  const body = usesTitleLine ? fullBody.trimStart().slice(titleLine[0].length) : fullBody;
  return {
    metadata,
    title: firstText(metadata, 'title') ?? (usesTitleLine ? titleLine[1].trim() : null) ?? titleFromText(body) ?? titleFromFileName(id),
    source: firstText(metadata, 'source', 'publisher'),
    date: normaliseDate(firstText(metadata, 'date', 'published')),
    url: urlOf(metadata, 'url', 'link'),
    body,
    problem,
    renderHtml: () => {
      const blocks = body
        .split(/\n[ \t]*\n/)
        .map((block) =>
          block
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        )
        .filter((lines) => lines.length > 0);
      const paragraphs = linesAreParagraphs(blocks) ? blocks.flat() : blocks.map((lines) => lines.join('\n'));
      return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
    },
  };
}
