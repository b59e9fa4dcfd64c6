import type { ReactNode } from 'react';
import './Screen.css';

interface ScreenProps {
  /** The screen's own class, for what only it needs (scrolling, a container name). */
  className: string;
  /** The id of the screen's h1, which names the landmark. */
  titleId: string;
  children: ReactNode;
}

/** A main section of the app (Contacts, Backups, Settings): the landmark, padded, its parts stacked. */
export function Screen({ className, titleId, children }: ScreenProps) {
  return (
    <main className={`screen ${className}`} aria-labelledby={titleId}>
      {children}
    </main>
  );
}
