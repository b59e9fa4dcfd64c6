import { useId } from 'react';
import type { CompareRow } from './mergePreview';
import type { MergeSide } from './mergeSide';

interface CompareTableProps {
  rows: CompareRow[];
  sides: [MergeSide, MergeSide];
  keep: 0 | 1;
  onKeep: (side: 0 | 1) => void;
}

const blank = (
  <span className="compare-table__blank" aria-label="empty">
    —
  </span>
);

/** Field by field: each record's value, and what the kept record holds after the merge. The header picks the record to keep. */
export function CompareTable({ rows, sides, keep, onKeep }: CompareTableProps) {
  const groupName = useId();
  return (
    <div className="compare-table__scroller">
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col" className="compare-table__field">
              <span className="visually-hidden">Field</span>
            </th>
            {([0, 1] as const).map((index) => (
              <th
                key={index}
                scope="col"
                className={index === keep ? 'compare-table__side compare-table__side--kept' : 'compare-table__side'}
              >
                <label className="compare-table__keep">
                  <input
                    type="radio"
                    name={groupName}
                    checked={keep === index}
                    aria-label={`Keep ${sides[index].name} (${index === 0 ? 'A' : 'B'})`}
                    onChange={() => onKeep(index)}
                  />
                  <span>
                    <span className="compare-table__choice">{sides[index].name}</span>
                    <span className="compare-table__fate">
                      {index === keep ? 'Kept, with everything' : 'Goes to the Trash'}
                    </span>
                  </span>
                </label>
              </th>
            ))}
            <th scope="col" className="compare-table__after">
              After the merge
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="compare-table__field">
                {row.label}
              </th>
              {row.values.map((value, index) => (
                <td
                  key={index}
                  className={index === keep ? 'compare-table__side compare-table__side--kept' : 'compare-table__side'}
                >
                  {value === '' ? blank : value}
                </td>
              ))}
              <td className="compare-table__after">{row.after === '' ? blank : row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
