import type { Section } from '../sections';
import { Button } from './Button';
import { IconTile } from './IconTile';
import './ComingSoon.css';

/** Stands in for a section that is not built yet: says what it will do and offers a way back. */
export function ComingSoon({ section, onBack }: { section: Section; onBack(): void }) {
  return (
    <main className="coming-soon" aria-labelledby="coming-soon-title">
      <div className="coming-soon__card">
        <IconTile icon={section.icon} />
        <p className="coming-soon__badge">Coming soon</p>
        <h1 id="coming-soon-title" className="coming-soon__title">
          {section.label}
        </h1>
        <p className="coming-soon__text">{section.promise}</p>
        <p className="coming-soon__text coming-soon__text--muted">
          This part of Rolodesk is still being built. Everything you have entered so far is in Contacts.
        </p>
        <Button variant="secondary" icon="contacts" onClick={onBack}>
          Go to Contacts
        </Button>
      </div>
    </main>
  );
}
