import { useId, type ReactNode } from 'react';
import { IconButton } from './Button';
import { Icon, type IconName } from './Icon';
import './WindowBanner.css';

interface WindowBannerProps {
  /** danger: something is failing and needs the user (read out as an alert); info: news about the data (read politely). */
  tone: 'danger' | 'info';
  icon: IconName;
  title: string;
  children: ReactNode;
  /** Buttons at the end of the strip. */
  actions?: ReactNode;
  /** Shows a close button; banners about failures have none, they go away when the problem does. */
  onDismiss?: () => void;
}

/** A strip across the top of the whole window, above every section, for news about all of the user's data. */
export function WindowBanner({ tone, icon, title, children, actions, onDismiss }: WindowBannerProps) {
  const titleId = useId();
  return (
    <div
      className={`window-banner window-banner--${tone}`}
      role={tone === 'danger' ? 'alert' : 'status'}
      aria-labelledby={titleId}
    >
      <Icon name={icon} size={18} className="window-banner__icon" />
      <div className="window-banner__body">
        <p id={titleId} className="window-banner__title">
          {title}
        </p>
        <p className="window-banner__message">{children}</p>
      </div>
      {actions && <div className="window-banner__actions">{actions}</div>}
      {onDismiss && <IconButton className="window-banner__dismiss" icon="close" label="Dismiss" onClick={onDismiss} />}
    </div>
  );
}
