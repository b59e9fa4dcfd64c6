import './Logo.css';

/** The Rolodesk mark: a contact card on a rounded tile, drawn inline so it needs no asset. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo-mark">
      <rect width="32" height="32" rx="8" className="logo-mark__tile" />
      <rect x="7" y="10" width="18" height="13" rx="2.5" className="logo-mark__card" />
      <rect x="11" y="7.5" width="2.4" height="5" rx="1.2" className="logo-mark__ring" />
      <rect x="18.6" y="7.5" width="2.4" height="5" rx="1.2" className="logo-mark__ring" />
      <circle cx="12.5" cy="16" r="2.2" className="logo-mark__ink" />
      <path d="M9.6 20.4c.5-1.4 1.6-2.1 2.9-2.1s2.4.7 2.9 2.1" className="logo-mark__ink-line" />
      <path d="M17.5 15.5h4.5M17.5 19h3" className="logo-mark__ink-line" />
    </svg>
  );
}
