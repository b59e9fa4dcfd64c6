import { ariaKeys, chordLabel, matchesShortcut, shortcuts } from '../../../../shared/shortcuts';
import { onMac } from '../../lib/platform';

export const paletteShortcutLabel = chordLabel(shortcuts['open-palette'].chords[0], onMac);
export const paletteShortcutAria = ariaKeys('open-palette', onMac);

/** Ctrl+K, or ⌘K on a Mac (either works on both). */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return matchesShortcut(event, 'open-palette');
}
