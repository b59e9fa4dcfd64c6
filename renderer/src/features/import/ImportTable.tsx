import type { ReactNode } from 'react';

/** A column of an import table after the line number: its title, and a class when the column has its own look. */
export interface ImportColumn {
  title: string;
  className?: string;
}

interface ImportTableProps {
  /** What the scrolling region is called (tests and screen readers find the table by it). */
  label: string;
  /** A modifier beside "import-table", e.g. "import-table--preview". */
  modifier?: string;
  columns: readonly ImportColumn[];
  /** The body rows, each starting with its line number cell. */
  children: ReactNode;
}

/** Rows of the file in the wizard: a scrolling region that takes the keyboard, the line number first, then the columns. */
export function ImportTable({ label, modifier, columns, children }: ImportTableProps) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to scroll by keyboard (axe: scrollable-region-focusable)
    <div className="import-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className={modifier ? `import-table ${modifier}` : 'import-table'}>
        <thead>
          <tr>
            <th scope="col" className="import-table__line">
              Line
            </th>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.className}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
