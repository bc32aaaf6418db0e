/** Everything the keyboard can do, by view. The help dialog lists exactly this table. */
export type ShortcutAction =
  | 'help'
  | 'cycle-theme'
  | 'open-library'
  | 'focus-filter'
  | 'back'
  | 'next-briefing'
  | 'previous-briefing'
  | 'font-larger'
  | 'font-smaller'
  | 'font-reset';

export type ViewName = 'library' | 'reader';

export interface Shortcut {
  keys: string[];
  action: ShortcutAction;
  label: string;
  views: ViewName[];
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['/'], action: 'focus-filter', label: 'Filter the list by title', views: ['library'] },
  { keys: ['↑', '↓'], action: 'focus-filter', label: 'Move through the list (Enter opens)', views: ['library'] },
  { keys: ['Ctrl', 'O'], action: 'open-library', label: 'Open another library folder', views: ['library', 'reader'] },
  { keys: ['Esc'], action: 'back', label: 'Back to the library', views: ['reader'] },
  { keys: ['N'], action: 'next-briefing', label: 'Next briefing', views: ['reader'] },
  { keys: ['P'], action: 'previous-briefing', label: 'Previous briefing', views: ['reader'] },
  { keys: ['+'], action: 'font-larger', label: 'Larger text', views: ['reader'] },
  { keys: ['−'], action: 'font-smaller', label: 'Smaller text', views: ['reader'] },
  { keys: ['0'], action: 'font-reset', label: 'Default text size', views: ['reader'] },
  { keys: ['T'], action: 'cycle-theme', label: 'Next theme (system, light, sepia, dark)', views: ['library', 'reader'] },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts', views: ['library', 'reader'] },
];

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when the key went to a text field, where letters must type, not act. */
  inTextField: boolean;
}

/** Maps a key press in a view to an action, or null to let the key do its usual thing. */
export function actionFor(input: KeyInput, view: ViewName): ShortcutAction | null {
  const command = input.ctrlKey || input.metaKey;
  if (command && !input.altKey && input.key.toLowerCase() === 'o') return 'open-library';
  if (command || input.altKey) return null;
  if (input.inTextField) return null;
  switch (input.key) {
    case '?':
      return 'help';
    case 't':
    case 'T':
      return 'cycle-theme';
  }
  if (view === 'library') return input.key === '/' ? 'focus-filter' : null;
  switch (input.key) {
    case 'Escape':
    case 'Backspace':
      return 'back';
    case 'n':
    case 'N':
    case ']':
      return 'next-briefing';
    case 'p':
    case 'P':
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
    default:
      return null;
  }
}
