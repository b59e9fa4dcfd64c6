/** Macs use ⌘ where the others use Ctrl; the label follows the platform, the key works with either. */
const onMac = /Mac/.test(navigator.userAgent);

export const paletteShortcutLabel = onMac ? '⌘ K' : 'Ctrl K';
export const paletteShortcutAria = onMac ? 'Meta+K' : 'Control+K';

/** Ctrl+K, or ⌘K on a Mac. */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}
