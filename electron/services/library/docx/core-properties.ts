import { Parser } from 'htmlparser2';

/** What a Word file says about itself in `docProps/core.xml` (Dublin Core), each null when absent or blank. */
export interface CoreProperties {
  title: string | null;
  creator: string | null;
  created: string | null;
  modified: string | null;
}

const FIELDS: Record<string, keyof CoreProperties> = {
  'dc:title': 'title',
  'dc:creator': 'creator',
  'dcterms:created': 'created',
  'dcterms:modified': 'modified',
};

/**
 * Names Word, templates and office machines put as the author when nobody typed one. They say
 * nothing about where a briefing came from, so they are not shown as its source.
 */
const PLACEHOLDER_AUTHORS =
  /^(user|admin|administrator|author|owner|microsoft office user|office user|windows user|unknown|пользователь|користувач|python-docx|docx|un-named)$/i;

/** Reads the core properties; a missing or malformed part gives nulls, never an error. */
export function readCoreProperties(xml: Uint8Array | undefined): CoreProperties {
  const properties: CoreProperties = { title: null, creator: null, created: null, modified: null };
  if (!xml) return properties;
  let field: keyof CoreProperties | null = null;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        field = FIELDS[name] ?? null;
        text = '';
      },
      ontext(data) {
        if (field) text += data;
      },
      onclosetag() {
        if (field) properties[field] = text.replace(/\s+/g, ' ').trim() || null;
        field = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(new TextDecoder().decode(xml));
  if (properties.creator && PLACEHOLDER_AUTHORS.test(properties.creator)) properties.creator = null;
  return properties;
}
