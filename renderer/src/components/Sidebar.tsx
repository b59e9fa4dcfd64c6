import type { ReactNode } from 'react';
import type { Place, Section, tools as toolList } from '../sections';
import { Icon } from './Icon';
import { LogoMark } from './Logo';
import './Sidebar.css';

interface SidebarProps {
  sections: readonly Section[];
  tools: typeof toolList;
  /** What the main area shows. */
  current: Place;
  onSelect: (place: Place) => void;
  /** App version for the footer; empty until app.info answers. */
  version: string;
  /** What opens the search, under the brand (the window passes the palette's button). */
  search: ReactNode;
}

/** The app's left column: brand, one entry per section, the tools (Duplicates, Trash, Settings) and the version. Collapses to an icon rail in narrow windows. */
export function Sidebar({ sections, tools, current, onSelect, version, search }: SidebarProps) {
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <LogoMark size={28} />
        <span className="sidebar__name">Rolodesk</span>
      </div>
      {search}
      <nav className="sidebar__nav" aria-label="Sections">
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                className="sidebar__item"
                aria-current={section.id === current ? 'page' : undefined}
                title={section.label}
                onClick={() => onSelect(section.id)}
              >
                <Icon name={section.icon} size={18} />
                <span className="sidebar__label">{section.label}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar__bottom">
        <ul className="sidebar__tools">
          {tools.map((tool) => (
            <li key={tool.id}>
              <button
                type="button"
                className="sidebar__item"
                aria-current={current === tool.id ? 'page' : undefined}
                title={tool.label}
                onClick={() => onSelect(tool.id)}
              >
                <Icon name={tool.icon} size={18} />
                <span className="sidebar__label">{tool.label}</span>
              </button>
            </li>
          ))}
        </ul>
        {version && <p className="sidebar__footer">Version {version}</p>}
      </div>
    </aside>
  );
}
