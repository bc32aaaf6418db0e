import MarkdownIt from 'markdown-it';

/**
 * Comments are Markdown typed by the person: one renderer shows them in the sidebar, the notes view
 * and every export, so they read the same everywhere. The output is safe by construction: raw HTML
 * is text (html off), links are kept only for http, https and mailto and marked external (the app
 * opens them through its link rule, never in the window), and an image is never loaded: it becomes
 * a link to its address (one with a refused address stays as typed). Headings become bold
 * paragraphs so a comment never adds to a document's outline (the PDF export's is its briefings).
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const LINK_SCHEMES = /^(https?:|mailto:)/i;
markdown.validateLink = (url) => LINK_SCHEMES.test(url.trim());

const { escapeHtml } = markdown.utils;
const externalAttributes = (href: string) => `href="${escapeHtml(href)}" title="${escapeHtml(href)}" rel="noopener noreferrer" data-external="true"`;

markdown.renderer.rules.heading_open = () => '<p><strong>';
markdown.renderer.rules.heading_close = () => '</strong></p>\n';
markdown.renderer.rules.link_open = (tokens, index) => `<a ${externalAttributes(String(tokens[index].attrGet('href') ?? ''))}>`;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index];
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  return `<a ${externalAttributes(src)}>${escapeHtml(alt || src)}</a>`;
};

/** A comment's Markdown as safe HTML, ready for `{@html}` in the renderer or a printed export. */
export function renderCommentMarkdown(comment: string): string {
  return markdown.render(comment);
}
