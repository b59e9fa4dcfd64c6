/** Placeholder while the command palette (Ctrl/Cmd+K) is built. */
export function CommandPalette() {
  return null;
}
