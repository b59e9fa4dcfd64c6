import type { CustomField } from '../../../shared/schemas/custom-field';
import {
  companyImportFields,
  contactImportFields,
  type ColumnTarget,
  type ImportKind,
  type Mapping,
  type TargetOption,
} from '../../../shared/schemas/import';
import { CrmError } from '../errors';
import { fieldLabels } from '../records/field-labels';

// The wizard's labels are the app's one table; rows.ts and presets.ts take them from here.
export { fieldLabels };

export const builtInFields = { contact: contactImportFields, company: companyImportFields } as const;

/** Targets that may take several columns: notes gets a "Header: value" line each, tag a tag per name. */
const manyColumns = new Set<ColumnTarget>(['notes', 'tag', 'ignore']);

export function customFieldId(target: ColumnTarget): number | undefined {
  return target.startsWith('custom:') ? Number(target.slice('custom:'.length)) : undefined;
}

/** Every target a column of this kind can go to: the kind's fields, its custom fields, tag, ignore. */
export function targetOptions(kind: ImportKind, customFields: readonly CustomField[]): TargetOption[] {
  return [
    ...builtInFields[kind].map((field): TargetOption => ({
      target: field,
      label: fieldLabels[field]!,
      group: 'field',
      many: manyColumns.has(field),
    })),
    ...customFields
      .filter((field) => field.kind === kind)
      .map((field): TargetOption => ({
        target: `custom:${field.id}`,
        label: field.label,
        group: 'custom',
        many: false,
      })),
    { target: 'tag', label: 'Tags', group: 'other', many: true },
    { target: 'ignore', label: 'Do not import', group: 'other', many: true },
  ];
}

/**
 * Refuses a mapping that cannot be imported: one target per column, every
 * target one this kind has (a deleted custom field, a company field on a
 * contact), no field but notes and tag taken from two columns, and a name.
 */
export function checkMapping(
  kind: ImportKind,
  mapping: Mapping,
  headers: readonly string[],
  customFields: readonly CustomField[],
): void {
  const refuse = (message: string) => new CrmError('VALIDATION', message, { fields: [{ field: 'mapping', message }] });
  if (mapping.length !== headers.length) {
    throw refuse(`The file has ${headers.length} columns but ${mapping.length} were mapped. Open the file again.`);
  }
  const options = new Map(targetOptions(kind, customFields).map((option) => [option.target, option]));
  const firstColumn = new Map<ColumnTarget, number>();
  mapping.forEach((target, column) => {
    const option = options.get(target);
    if (!option) {
      throw refuse(
        customFieldId(target) !== undefined
          ? `“${headers[column]}” goes to a custom field that no longer exists. Choose another field for it.`
          : `“${headers[column]}” goes to ${fieldLabels[target] ?? target}, which ${kind === 'contact' ? 'contacts' : 'companies'} do not have.`,
      );
    }
    const first = firstColumn.get(target);
    if (first !== undefined && !option.many) {
      throw refuse(
        `“${headers[first]}” and “${headers[column]}” both go to ${option.label}. Choose one, or send the other to Notes.`,
      );
    }
    if (first === undefined) firstColumn.set(target, column);
  });
  const named =
    firstColumn.has('name') || (kind === 'contact' && (firstColumn.has('firstName') || firstColumn.has('lastName')));
  if (!named) {
    throw refuse(
      kind === 'contact'
        ? 'Choose the column that holds the name (or the first and last name).'
        : 'Choose the column that holds the company name.',
    );
  }
}
