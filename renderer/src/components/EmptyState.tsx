import type { ReactNode } from 'react';
import type { IconName } from './Icon';
import { IconTile } from './IconTile';
import './EmptyState.css';

interface EmptyStateProps {
  icon: IconName;
  /** It reports nothing found rather than invites (the icon is greyed). */
  muted?: boolean;
  title: string;
  text: string;
  /** The way on, when there is one: a button. */
  action?: ReactNode;
  /** A screen's own look on top (Today's all-clear). */
  className?: string;
}

/** What a list shows in place of rows: an icon, a title, a sentence, and what to do next. */
export function EmptyState({ icon, muted = false, title, text, action, className }: EmptyStateProps) {
  return (
    <div className={className ? `empty-state ${className}` : 'empty-state'}>
      <IconTile icon={icon} muted={muted} />
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__text">{text}</p>
      {action}
    </div>
  );
}
