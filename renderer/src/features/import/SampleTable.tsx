import { Fragment } from 'react';
import type { SourceRow } from '../../../../shared/schemas/import';
import { ImportTable } from './ImportTable';

interface SampleTableProps {
  headers: readonly string[];
  rows: readonly SourceRow[];
  /** How many rows to show of the sample. */
  limit: number;
}

/** The file as it reads now: its line numbers, its column names, its first rows — so a wrong encoding or delimiter shows at once. */
export function SampleTable({ headers, rows, limit }: SampleTableProps) {
  return (
    <ImportTable label="The first rows of the file" columns={headers.map((header) => ({ title: header }))}>
      {rows.slice(0, limit).map((row) => (
        <Fragment key={row.line}>
          <tr className={row.problem ? 'import-table__row--problem' : undefined}>
            <td className="import-table__line">{row.line}</td>
            {headers.map((_, column) => (
              <td key={column} title={row.cells[column]}>
                {row.cells[column]}
              </td>
            ))}
          </tr>
          {row.problem && (
            <tr className="import-table__row--problem">
              <td />
              <td colSpan={headers.length} className="import-table__problem">
                {row.problem}
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </ImportTable>
  );
}
