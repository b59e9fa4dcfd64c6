import { useContext } from 'react';
import { SampleDataContext, type SampleKind } from './sampleDataContext';
import './SampleBadge.css';

/** "Sample" beside a record that Explore with sample data added, so it is never taken for a real one. */
export function SampleBadge({
  kind,
  id,
  placement = 'inline',
}: {
  kind: SampleKind;
  id: number;
  placement?: 'inline' | 'below';
}) {
  // Outside the main window (a list rendered on its own) there is no sample data to mark.
  const sampleData = useContext(SampleDataContext);
  if (!sampleData?.isSample(kind, id)) return null;
  return (
    <span className={`sample-badge sample-badge--${placement}`} title="Sample record: Remove sample data deletes it">
      Sample
    </span>
  );
}
