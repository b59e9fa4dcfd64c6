import { useId } from 'react';
import type { Inspection, Mapping, Preview, PreviewRow } from '../../../../shared/schemas/import';
import { SelectField } from '../../components/SelectField';
import { outcomeLabels } from './importWords';
import { CountsStrip } from './CountsStrip';
import { ImportTable } from './ImportTable';
import type { DateOrder } from './useImportWizard';

interface PreviewStepProps {
  preview: Preview;
  inspection: Inspection;
  mapping: Mapping;
  plural: string;
  dateOrder: DateOrder;
  onDateOrder: (order: DateOrder) => void;
}

interface PreviewColumn {
  label: string;
  value: (row: PreviewRow) => string;
}

/** The columns worth showing: the built-in fields and custom fields something is mapped to (first and last name show as Name), then tags. */
function columnsFor(inspection: Inspection, mapping: Mapping): PreviewColumn[] {
  const used = new Set(mapping.map((target) => (target === 'firstName' || target === 'lastName' ? 'name' : target)));
  const columns: PreviewColumn[] = [];
  const labelOf = new Map(inspection.targets.map((option) => [option.target, option.label]));
  if (used.has('name')) columns.push({ label: labelOf.get('name') ?? 'Name', value: (row) => row.fields.name ?? '' });
  for (const option of inspection.targets) {
    if (
      option.target === 'name' ||
      option.target === 'firstName' ||
      option.target === 'lastName' ||
      option.target === 'ignore' ||
      option.target === 'tag'
    )
      continue;
    if (!used.has(option.target)) continue;
    if (option.group === 'custom') {
      const fieldId = option.target.slice('custom:'.length);
      columns.push({ label: option.label, value: (row) => String(row.custom[fieldId] ?? '') });
    } else {
      const field = option.target;
      columns.push({ label: option.label, value: (row) => row.fields[field] ?? '' });
    }
  }
  if (used.has('tag')) columns.push({ label: 'Tags', value: (row) => row.tags.join(', ') });
  return columns;
}

/** What happens to the row, beside it: its problems, or what it matched. */
function noteOf(row: PreviewRow): string {
  if (row.problems.length > 0) return row.problems.join(' ');
  if (row.match?.type === 'record') return `Matches “${row.match.name}”`;
  if (row.match?.type === 'row') return `Same as line ${row.match.line}`;
  return '';
}

/** The first 50 rows as they will be stored, each with what will happen to it, and the counts over the whole file. */
export function PreviewStep({ preview, inspection, mapping, plural, dateOrder, onDateOrder }: PreviewStepProps) {
  const id = useId();
  const columns = columnsFor(inspection, mapping);
  return (
    <div className="import-preview">
      <CountsStrip counts={preview.counts} plural={plural} caption="With the whole file" />
      {/* Dates are read only into custom fields; without one mapped the question means nothing. */}
      {mapping.some((target) => target.startsWith('custom:')) && (
        <div className="import-preview__dates">
          <SelectField
            id={`${id}-dates`}
            label="Dates like 03/04/2026 mean"
            value={dateOrder}
            options={[
              {
                value: 'auto',
                label: `Worked out from the file (${preview.dateOrder === 'dmy' ? 'day first' : 'month first'})`,
              },
              { value: 'dmy', label: 'Day first: 3 April 2026' },
              { value: 'mdy', label: 'Month first: March 4, 2026' },
            ]}
            onChange={(value) => onDateOrder(value as DateOrder)}
          />
        </div>
      )}
      <h3 className="import-step__subtitle">
        {preview.rows.length < 50 ? 'Every row, as it will be stored' : 'The first 50 rows, as they will be stored'}
      </h3>
      <ImportTable
        label="Rows as they will be stored"
        modifier="import-table--preview"
        columns={[
          { title: 'What happens', className: 'import-table__outcome' },
          ...columns.map((column) => ({ title: column.label })),
        ]}
      >
        {preview.rows.map((row) => (
          <tr key={row.line} className={`import-table__row--${row.outcome}`}>
            <td className="import-table__line">{row.line}</td>
            <td className="import-table__outcome">
              <div className="import-table__outcome-body">
                <span className={`import-outcome import-outcome--${row.outcome}`}>{outcomeLabels[row.outcome]}</span>
                {noteOf(row) && (
                  <span className={row.problems.length > 0 ? 'import-table__problem' : 'import-table__match'}>
                    {noteOf(row)}
                  </span>
                )}
              </div>
            </td>
            {columns.map((column) => (
              <td key={column.label} title={column.value(row)}>
                {column.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </ImportTable>
    </div>
  );
}
