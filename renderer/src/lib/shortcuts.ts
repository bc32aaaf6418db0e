/** Everything the keyboard can do, by view. The help dialog lists exactly this table. */
export type ShortcutAction =
  | 'help'
  | 'cycle-theme'
  | 'open-library'
  | 'open-search'
  | 'focus-filter'
  | 'find-in-article'
  | 'next-hit'
  | 'previous-hit'
  | 'back'
  | 'next-briefing'
  | 'previous-briefing'
  | 'font-larger'
  | 'font-smaller'
  | 'font-reset'
  | 'highlight'
  | 'pick-colour'
  | 'comment'
  | 'undo'
  | 'redo'
  | 'export-notes'
  | 'toggle-read'
  | 'move-paragraph'
  | 'extend-selection'
  | 'move-selection-start'
  | 'select-match'
  | 'open-notes'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'turn-page';

export type ViewName = 'library' | 'search' | 'notes' | 'reader';

export interface Shortcut {
  keys: string[];
  /** Null for keys the focused list handles itself; they are listed so the help is complete. */
  action: ShortcutAction | null;
  label: string;
  views: ViewName[];
}

const EVERYWHERE: ViewName[] = ['library', 'search', 'notes', 'reader'];

export const SHORTCUTS: Shortcut[] = [
  { keys: ['Ctrl', 'F'], action: 'focus-filter', label: 'Filter the list by title', views: ['library'] },
  { keys: ['↑', '↓'], action: null, label: 'Move through the list (Enter opens)', views: ['library', 'search'] },
  { keys: ['Shift', '↑', '↓'], action: null, label: 'Select a range (also Shift+click; Ctrl+click adds one)', views: ['library'] },
  { keys: ['Space'], action: null, label: 'Select or unselect the current row (Ctrl+A: all shown)', views: ['library'] },
  { keys: ['R'], action: 'toggle-read', label: 'Mark the selected rows read (unread if all are read)', views: ['library'] },
  { keys: ['Alt', 'Enter'], action: null, label: 'Open the current row in its other language (a translation)', views: ['library', 'search'] },
  { keys: ['Esc'], action: 'back', label: 'Back to where you came from', views: ['search', 'notes'] },
  { keys: ['Esc'], action: 'back', label: 'Clear the selection, then the paragraph focus, then back', views: ['reader'] },
  { keys: ['Ctrl', 'F'], action: 'find-in-article', label: 'Find in this briefing', views: ['reader'] },
  { keys: ['F3'], action: 'next-hit', label: 'Next match (Shift+F3: previous)', views: ['reader'] },
  { keys: ['J', 'K'], action: 'move-paragraph', label: 'Focus the next / previous paragraph (also ↓ ↑)', views: ['reader'] },
  {
    keys: ['Shift', '→', '←'],
    action: 'extend-selection',
    label: 'Select a word more / less in the focused paragraph (with Alt: a sentence)',
    views: ['reader'],
  },
  { keys: ['→', '←'], action: 'move-selection-start', label: 'Move the start of the selection a word on / back', views: ['reader'] },
  { keys: ['Ctrl', 'Enter'], action: 'select-match', label: 'Select the find match (then H, 1–5 or C)', views: ['reader'] },
  { keys: ['H'], action: 'highlight', label: 'Highlight the selection (last colour)', views: ['reader'] },
  { keys: ['1', '…', '5'], action: 'pick-colour', label: 'Highlight in colour 1–5, or recolour the open note', views: ['reader'] },
  { keys: ['C'], action: 'comment', label: 'Highlight the selection and comment', views: ['reader'] },
  { keys: ['Ctrl', 'Z'], action: 'undo', label: 'Undo a note change (Ctrl+Shift+Z: redo)', views: ['reader'] },
  { keys: ['R'], action: 'toggle-read', label: 'Mark this briefing read, or unread', views: ['reader'] },
  { keys: ['N'], action: 'next-briefing', label: 'Next briefing', views: ['reader'] },
  { keys: ['P'], action: 'previous-briefing', label: 'Previous briefing', views: ['reader'] },
  { keys: ['+'], action: 'font-larger', label: 'Larger text', views: ['reader'] },
  { keys: ['−'], action: 'font-smaller', label: 'Smaller text', views: ['reader'] },
  { keys: ['0'], action: 'font-reset', label: 'Default text size', views: ['reader'] },
  { keys: ['Ctrl', '+', '−'], action: 'zoom-in', label: 'PDF: zoom in / out (also + and − alone)', views: ['reader'] },
  { keys: ['Ctrl', '0'], action: 'zoom-fit', label: 'PDF: fit the page width', views: ['reader'] },
  { keys: ['PgDn', 'PgUp'], action: 'turn-page', label: 'PDF: next / previous page (Home, End: first, last page)', views: ['reader'] },
  { keys: ['/'], action: 'open-search', label: 'Search every briefing (also Ctrl+K)', views: EVERYWHERE },
  { keys: ['G', 'N'], action: 'open-notes', label: 'Go to the notes view (G, then N)', views: EVERYWHERE },
  { keys: ['Ctrl', 'E'], action: 'export-notes', label: 'Export notes to PDF, Markdown or JSON', views: EVERYWHERE },
  { keys: ['Ctrl', 'O'], action: 'open-library', label: 'Open another library folder', views: EVERYWHERE },
  { keys: ['T'], action: 'cycle-theme', label: 'Next theme (system, light, sepia, dark)', views: EVERYWHERE },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts', views: EVERYWHERE },
];

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when the key went to a text field, where letters must type, not act. */
  inTextField: boolean;
  /** True when the key went to a control that moves with the arrow keys itself (a list, a menu, a select). */
  inWidget: boolean;
  /** The key pressed just before, lower-cased, when it went to no text field: G then N is one shortcut. */
  previousKey: string | null;
  /** True when the reader shows a PDF: zoom and page keys replace text size and paragraph keys. */
  inPdf?: boolean;
}

/** Maps a key press in a view to an action, or null to let the key do its usual thing. */
export function actionFor(input: KeyInput, view: ViewName): ShortcutAction | null {
  const command = input.ctrlKey || input.metaKey;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (command && !input.altKey) {
    if (view === 'reader' && input.inPdf && !input.inTextField) {
      if (key === '+' || key === '=') return 'zoom-in';
      if (key === '-' || key === '_') return 'zoom-out';
      if (key === '0') return 'zoom-fit';
    }
    if (key === 'o') return 'open-library';
    if (key === 'e') return 'export-notes';
    if (key === 'k') return 'open-search';
    if (key === 'f') return view === 'reader' ? 'find-in-article' : view === 'library' ? 'focus-filter' : null;
    if (key === 'g' && view === 'reader') return input.shiftKey ? 'previous-hit' : 'next-hit';
    // In the find field, the bar turns its own Ctrl+Enter into the same action.
    if (key === 'Enter' && view === 'reader' && !input.inTextField) return 'select-match';
    // In a text field, undo belongs to the field.
    if (view === 'reader' && !input.inTextField && key === 'z') return input.shiftKey ? 'redo' : 'undo';
    if (view === 'reader' && !input.inTextField && key === 'y') return 'redo';
    return null;
  }
  const reading = view === 'reader' && !input.inTextField;
  const sideways = key === 'ArrowRight' || key === 'ArrowLeft';
  if (input.altKey) return reading && input.shiftKey && sideways ? 'extend-selection' : null;
  if (key === 'F3' && view === 'reader') return input.shiftKey ? 'previous-hit' : 'next-hit';
  if (input.inTextField) return null;
  if (key === '?') return 'help';
  if (key === 't') return 'cycle-theme';
  if (key === '/' && view !== 'search') return 'open-search';
  if (key === 'n' && !input.shiftKey && input.previousKey === 'g') return 'open-notes';
  if ((view === 'search' || view === 'notes') && key === 'Escape') return 'back';
  // Wherever focus is in the library (a filter chip, the list), not only on the list.
  if (key === 'r' && !input.shiftKey && (view === 'library' || view === 'reader')) return 'toggle-read';
  if (view !== 'reader') return null;
  if (input.inPdf) {
    const action = pdfAction(key, input);
    if (action !== undefined) return action;
  }
  if (sideways && !input.inWidget) return input.shiftKey ? 'extend-selection' : 'move-selection-start';
  if ((key === 'ArrowDown' || key === 'ArrowUp') && !input.shiftKey && !input.inWidget) return 'move-paragraph';
  switch (key) {
    case 'j':
    case 'k':
      return 'move-paragraph';
    case 'Escape':
    case 'Backspace':
      return 'back';
    case 'n':
    case ']':
      return 'next-briefing';
    case 'p':
    case '[':
      return 'previous-briefing';
    case '+':
    case '=':
      return 'font-larger';
    case '-':
    case '_':
      return 'font-smaller';
    case '0':
      return 'font-reset';
    case 'h':
      return 'highlight';
    case 'c':
      return 'comment';
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
      return 'pick-colour';
    default:
      return null;
  }
}

/**
 * Keys that mean something else on a PDF: + − 0 zoom the pages (there is no text size), PgUp,
 * PgDn, Home and End turn pages, and the arrows and J/K scroll (a PDF has no paragraphs to focus).
 * Undefined for keys that act as on any briefing.
 */
function pdfAction(key: string, input: KeyInput): ShortcutAction | null | undefined {
  if (input.inWidget) return undefined;
  switch (key) {
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case '0':
      return 'zoom-fit';
    case 'PageDown':
    case 'PageUp':
    case 'Home':
    case 'End':
      return input.shiftKey ? null : 'turn-page';
    case 'ArrowDown':
    case 'ArrowUp':
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'j':
    case 'k':
      return null;
    default:
      return undefined;
  }
}
