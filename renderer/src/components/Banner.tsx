import type { ReactNode } from 'react';
import { Icon } from './Icon';
import './Banner.css';

interface BannerProps {
  title?: string;
  children: ReactNode;
  /** A button such as "Try again". */
  action?: ReactNode;
}

/** The one layout both banners share; `tone` picks the colour and how urgently screen readers announce it. */
function Banner({ tone, title, children, action }: BannerProps & { tone: 'error' | 'warning' }) {
  const warning = tone === 'warning';
  return (
    <div className={warning ? 'banner banner--warning' : 'banner'} role={warning ? 'status' : 'alert'}>
      <Icon name="alert" size={18} className="banner__icon" />
      <div className="banner__body">
        {title && <p className="banner__title">{title}</p>}
        <p className="banner__message">{children}</p>
      </div>
      {action && <div className="banner__action">{action}</div>}
    </div>
  );
}

/** A problem the user should see now (not a field error): announced by screen readers as an alert. */
export function ErrorBanner(props: BannerProps) {
  return <Banner tone="error" {...props} />;
}

/** Something to keep an eye on, not a failure (backups growing, say): read politely, drawn in amber. */
export function WarningBanner(props: BannerProps) {
  return <Banner tone="warning" {...props} />;
}
