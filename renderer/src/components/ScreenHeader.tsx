import type { ReactNode } from 'react';
import './ScreenHeader.css';

interface ScreenHeaderProps {
  /** The h1's id: the screen's landmark is labelled by it. */
  titleId: string;
  title: string;
  /** The screen's own header class, for layout only it needs. */
  className?: string;
  /** The screen's buttons, on the right. */
  children?: ReactNode;
}

/** The top of a screen: its name as the page heading, and its buttons beside it. */
export function ScreenHeader({ titleId, title, className, children }: ScreenHeaderProps) {
  return (
    <header className={className ? `screen-header ${className}` : 'screen-header'}>
      <h1 id={titleId} className="screen-header__title">
        {title}
      </h1>
      {children}
    </header>
  );
}
