import type { ReactNode } from 'react';
import { Icon } from './Icon';
import './Banner.css';

interface BannerProps {
  title?: string;
  children: ReactNode;
  /** A button such as "Try again". */
  action?: ReactNode;
}

/** A problem the user should see now (not a field error): announced by screen readers as an alert. */
export function ErrorBanner({ title, children, action }: BannerProps) {
  return (
    <div className="banner" role="alert">
      <Icon name="alert" size={18} className="banner__icon" />
      <div className="banner__body">
        {title && <p className="banner__title">{title}</p>}
        <p className="banner__message">{children}</p>
      </div>
      {action && <div className="banner__action">{action}</div>}
    </div>
  );
}

/** Something to keep an eye on, not a failure (backups growing, say): read politely, drawn in amber. */
export function WarningBanner({ title, children, action }: BannerProps) {
  return (
    <div className="banner banner--warning" role="status">
      <Icon name="alert" size={18} className="banner__icon" />
      <div className="banner__body">
        {title && <p className="banner__title">{title}</p>}
        <p className="banner__message">{children}</p>
      </div>
      {action && <div className="banner__action">{action}</div>}
    </div>
  );
}
