/**
 * A page's text layer built as pdf.js 5.6.205's TextLayer builds one (src/display/text_layer.js,
 * #processItems and #appendText), for tests without a canvas: marked content opens and closes
 * nested spans; every text item gets a span in `textDivs`, put in the layer only when its string
 * is not empty, followed by a `<br>` when it ends a line. Only the DOM is made, not the layout.
 */
export function textLayerOf(items: readonly unknown[], document: Document = globalThis.document): { layer: HTMLElement; textDivs: HTMLElement[] } {
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  document.body.append(layer);
  const textDivs: HTMLElement[] = [];
  let container: HTMLElement = layer;
  for (const item of items as { str?: string; hasEOL?: boolean; type?: string }[]) {
    if (item.str === undefined) {
      if (item.type === 'endMarkedContent') container = container.parentElement ?? layer;
      else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        const marked = document.createElement('span');
        marked.className = 'markedContent';
        container.append(marked);
        container = marked;
      }
      continue;
    }
    const span = document.createElement('span');
    span.textContent = item.str;
    textDivs.push(span);
    if (item.str !== '') container.append(span);
    if (item.hasEOL) container.append(document.createElement('br'));
  }
  return { layer, textDivs };
}
