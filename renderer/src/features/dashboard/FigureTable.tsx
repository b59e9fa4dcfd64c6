/** A chart's figures as a table: what a screen reader reads, and what anyone can check a bar against. */
export interface Figures {
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

export function FigureTable({ caption, figures }: { caption: string; figures: Figures }) {
  return (
    <div className="figure-table">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {figures.columns.map((column, index) => (
              <th key={column} scope="col" className={index === 0 ? undefined : 'figure-table__number'}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="figure-table__number">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
