import { useRef } from 'react';
import { chordLabel, shortcutGroups, shortcutIds, shortcuts, type Chord } from '../../../../shared/shortcuts';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { onMac } from '../../lib/platform';
import './Help.css';

const arrowKeys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
const keyHole = '\u0000';

/** Chords that differ only in the arrow read better as one key cap: "Ctrl+↑ ↓ ← →". */
function keysOf(chords: readonly Chord[]): string[] {
  const merged = new Map<string, string[]>();
  for (const chord of chords) {
    const arrow = arrowKeys.includes(chord.key);
    const label = chordLabel(arrow ? { ...chord, key: keyHole } : chord, onMac);
    merged.set(label, [...(merged.get(label) ?? []), ...(arrow ? [chordLabel({ key: chord.key }, onMac)] : [])]);
  }
  return [...merged].map(([label, arrows]) => (arrows.length > 0 ? label.replace(keyHole, arrows.join(' ')) : label));
}

/** Help › Keyboard Shortcuts: every shortcut of the app, from the same table the keys are handled by. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title="Keyboard shortcuts"
      description={onMac ? '⌘ is the Command key.' : 'Ctrl is the Control key.'}
      onCancel={onClose}
      initialFocus={closeRef}
      size="medium"
    >
      {/* Focusable, so the list scrolls with the keys too. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to scroll by keyboard (axe: scrollable-region-focusable) */}
      <div className="dialog__body shortcut-list" role="region" aria-label="All shortcuts" tabIndex={0}>
        {shortcutGroups.map((group) => (
          <section key={group} className="shortcut-group" aria-labelledby={`shortcut-group-${group}`}>
            <h3 id={`shortcut-group-${group}`} className="shortcut-group__title">
              {group}
            </h3>
            <dl>
              {shortcutIds
                .filter((id) => shortcuts[id].group === group)
                .map((id) => (
                  <div key={id} className="shortcut-row">
                    <dt>{shortcuts[id].does}</dt>
                    <dd>
                      {keysOf(shortcuts[id].chords).map((keys) => (
                        <kbd key={keys}>{keys}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog__actions">
        <Button ref={closeRef} variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
