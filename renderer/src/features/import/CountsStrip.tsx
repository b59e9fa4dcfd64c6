import type { Preview } from '../../../../shared/schemas/import';
import { wholeNumber } from './importWords';

interface CountsStripProps {
  counts: Preview['counts'];
  plural: string;
  /** Read before the numbers ("With the whole file"). */
  caption: string;
}

/** New / updated / skipped / rejected, side by side, as big numbers with words under them. */
export function CountsStrip({ counts, plural, caption }: CountsStripProps) {
  const items = [
    { key: 'create', count: counts.create, words: `new ${plural}` },
    { key: 'update', count: counts.update, words: 'updated' },
    { key: 'skip', count: counts.skip, words: 'skipped' },
    { key: 'reject', count: counts.reject, words: counts.reject === 1 ? 'row rejected' : 'rows rejected' },
  ];
  return (
    <dl className="import-counts" aria-label={caption}>
      {items.map((item) => (
        // Coloured only when there are some: "0 rejected" is good news, not an alarm.
        <div
          key={item.key}
          className={item.count > 0 ? `import-counts__item import-counts__item--${item.key}` : 'import-counts__item'}
        >
          <dt className="import-counts__words">{item.words}</dt>
          <dd className="import-counts__number">{wholeNumber(item.count)}</dd>
        </div>
      ))}
    </dl>
  );
}
