/**
 * Every keyboard shortcut Rolodesk has, in one table. The menu's accelerators
 * and the window's key handlers read it (main: acceleratorFor; the renderer:
 * matchesShortcut), and Help › Keyboard Shortcuts lists it, so what the list
 * says and what the keys do cannot drift apart (tests/unit/shortcuts.test.ts).
 */

/**
 * One key press. `mod` is Ctrl, or ⌘ on a Mac (the window accepts either
 * everywhere). A modifier that is absent must not be held; 'any' means it may
 * or may not be (Shift+Space ticks a range where Space ticks one row).
 */
export interface Chord {
  /** KeyboardEvent.key: 'k', 'Enter', 'Escape', ' ', 'ArrowUp'… (letters in lower case). */
  key: string;
  mod?: true | 'any';
  shift?: true | 'any';
  alt?: true;
}

export interface Shortcut {
  group: ShortcutGroup;
  /** What the keys do, in the words of the list. */
  does: string;
  /** Pressing any one of these does it. */
  chords: readonly Chord[];
  /** The menu item (electron/main/menu.ts) whose accelerator this is. */
  menuItem?: string;
}

export const shortcutGroups = [
  'Anywhere',
  'Record panel',
  'Lists',
  'Pipeline board',
  'Dialogs and pickers',
  'Tabs and menus',
] as const;
export type ShortcutGroup = (typeof shortcutGroups)[number];

const arrows = (mods: Omit<Chord, 'key'> = {}): Chord[] =>
  ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].map((key) => ({ key, ...mods }));

export const shortcuts = {
  'new-contact': { group: 'Anywhere', does: 'New contact', chords: [{ key: 'n', mod: true }], menuItem: 'new-contact' },
  find: { group: 'Anywhere', does: 'Find a contact', chords: [{ key: 'f', mod: true }], menuItem: 'find' },
  'open-palette': { group: 'Anywhere', does: 'Search everything and run commands', chords: [{ key: 'k', mod: true }] },
  'export-backup': {
    group: 'Anywhere',
    does: 'Export a backup file',
    chords: [{ key: 'e', mod: true, shift: true }],
    menuItem: 'export-backup',
  },
  'save-record': {
    group: 'Record panel',
    does: 'Save the record',
    chords: [{ key: 'Enter', mod: true, shift: 'any' }],
  },
  'close-panel': { group: 'Record panel', does: 'Close the panel', chords: [{ key: 'Escape' }] },
  'log-activity': {
    group: 'Record panel',
    does: 'Log the note, call or task you are writing',
    chords: [{ key: 'Enter', mod: true, shift: 'any' }],
  },
  'clear-search': { group: 'Lists', does: 'Clear the search (in the search box)', chords: [{ key: 'Escape' }] },
  'row-move': {
    group: 'Lists',
    does: 'Previous or next row',
    chords: [
      { key: 'ArrowUp', mod: 'any', shift: 'any' },
      { key: 'ArrowDown', mod: 'any', shift: 'any' },
    ],
  },
  'row-page': {
    group: 'Lists',
    does: 'A page up or down',
    chords: [
      { key: 'PageUp', shift: 'any' },
      { key: 'PageDown', shift: 'any' },
    ],
  },
  'row-ends': {
    group: 'Lists',
    does: 'First or last row',
    chords: [
      { key: 'Home', mod: 'any', shift: 'any' },
      { key: 'End', mod: 'any', shift: 'any' },
    ],
  },
  'row-tick': {
    group: 'Lists',
    does: 'Tick or untick the row (with Shift: every row from the last one ticked)',
    chords: [{ key: ' ', shift: 'any' }],
  },
  'row-open': {
    group: 'Lists',
    does: 'Open the row (Space too, in lists without ticks)',
    chords: [
      { key: 'Enter', shift: 'any' },
      { key: ' ', shift: 'any' },
    ],
  },
  'card-focus': {
    group: 'Pipeline board',
    does: 'Go to the next deal that way; first or last in the stage',
    chords: [...arrows({ shift: 'any' }), { key: 'Home', shift: 'any' }, { key: 'End', shift: 'any' }],
  },
  'card-move': {
    group: 'Pipeline board',
    does: 'Move the deal to the next stage, or up and down in its stage',
    chords: [...arrows({ mod: true, shift: 'any' }), ...arrows({ alt: true, shift: 'any' })],
  },
  'card-open': {
    group: 'Pipeline board',
    does: 'Open the deal',
    chords: [
      { key: 'Enter', shift: 'any' },
      { key: ' ', shift: 'any' },
    ],
  },
  'dialog-cancel': { group: 'Dialogs and pickers', does: 'Cancel the dialog', chords: [{ key: 'Escape' }] },
  'option-move': {
    group: 'Dialogs and pickers',
    does: 'Previous or next suggestion; first or last',
    chords: [{ key: 'ArrowUp', shift: 'any' }, { key: 'ArrowDown', shift: 'any' }, { key: 'Home' }, { key: 'End' }],
  },
  'option-choose': {
    group: 'Dialogs and pickers',
    does: 'Choose the suggestion',
    chords: [{ key: 'Enter', shift: 'any' }],
  },
  'option-close': { group: 'Dialogs and pickers', does: 'Close the suggestions', chords: [{ key: 'Escape' }] },
  'cancel-edit': {
    group: 'Dialogs and pickers',
    does: 'Stop editing a name in Settings without saving',
    chords: [{ key: 'Escape' }],
  },
  'tab-move': {
    group: 'Tabs and menus',
    does: 'Next or previous tab; first or last',
    chords: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }, { key: 'Home' }, { key: 'End' }],
  },
  'menu-move': {
    group: 'Tabs and menus',
    does: 'Next or previous item in a menu or list of groups; first or last',
    chords: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }, { key: 'Home' }, { key: 'End' }],
  },
  'menu-close': { group: 'Tabs and menus', does: 'Close the menu or filter', chords: [{ key: 'Escape' }] },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof shortcuts;
export const shortcutIds = Object.keys(shortcuts) as ShortcutId[];

/** What a key press carries; a DOM KeyboardEvent and React's both fit. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function held(wanted: true | 'any' | undefined, pressed: boolean): boolean {
  return wanted === 'any' || (wanted === true) === pressed;
}

export function matchesChord(press: KeyPress, chord: Chord): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return (
    key === chord.key &&
    held(chord.mod, press.ctrlKey || press.metaKey) &&
    held(chord.shift, press.shiftKey) &&
    held(chord.alt, press.altKey)
  );
}

/** Whether a key press is one of the shortcut's chords. */
export function matchesShortcut(press: KeyPress, id: ShortcutId): boolean {
  return shortcuts[id].chords.some((chord) => matchesChord(press, chord));
}

const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
};

/** A chord as the list shows it: "⌘ ⇧ E" on a Mac, "Ctrl+Shift+E" elsewhere. */
export function chordLabel(chord: Chord, mac: boolean): string {
  const key = keyNames[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const parts = [
    chord.mod === true ? (mac ? '⌘' : 'Ctrl') : undefined,
    chord.alt ? (mac ? '⌥' : 'Alt') : undefined,
    chord.shift === true ? (mac ? '⇧' : 'Shift') : undefined,
    key,
  ].filter((part): part is string => part !== undefined);
  return parts.join(mac ? ' ' : '+');
}

/** For aria-keyshortcuts: "Control+K" or "Meta+K". */
export function ariaKeys(id: ShortcutId, mac: boolean): string {
  const chord: Chord = shortcuts[id].chords[0];
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod === true ? (mac ? 'Meta' : 'Control') : undefined, chord.shift === true ? 'Shift' : undefined, key]
    .filter(Boolean)
    .join('+');
}

/** An Electron menu accelerator for a shortcut with a menu item: "CmdOrCtrl+Shift+E". */
export function acceleratorFor(id: ShortcutId): string {
  const chord: Chord = shortcuts[id].chords[0];
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [
    chord.mod === true ? 'CmdOrCtrl' : undefined,
    chord.alt ? 'Alt' : undefined,
    chord.shift === true ? 'Shift' : undefined,
    key,
  ]
    .filter(Boolean)
    .join('+');
}
