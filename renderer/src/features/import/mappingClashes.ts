import type { Mapping, TargetOption } from '../../../../shared/schemas/import';

/**
 * Columns that go to the same field when only one may (everything but Notes,
 * Tags and "Do not import"), each with the message to show beside it. The words
 * are the core's own (it refuses such a mapping with them), so the wizard says
 * it before the user presses Next.
 */
export function mappingClashes(
  mapping: Mapping,
  headers: readonly string[],
  targets: readonly TargetOption[],
): Map<number, string> {
  const byTarget = new Map(targets.map((option) => [option.target, option]));
  const columnsOf = new Map<string, number[]>();
  mapping.forEach((target, column) => columnsOf.set(target, [...(columnsOf.get(target) ?? []), column]));
  const clashes = new Map<number, string>();
  for (const [target, columns] of columnsOf) {
    const option = byTarget.get(target);
    if (!option || option.many || columns.length < 2) continue;
    const [first, ...others] = columns as [number, ...number[]];
    for (const other of others) {
      const message = `“${headers[first]}” and “${headers[other]}” both go to ${option.label}. Choose one, or send the other to Notes.`;
      if (!clashes.has(first)) clashes.set(first, message);
      clashes.set(other, message);
    }
  }
  return clashes;
}

/** Whether some column gives the record its name (for contacts, a first or last name will do). */
export function namesRecords(mapping: Mapping, kind: 'contact' | 'company'): boolean {
  return (
    mapping.includes('name') || (kind === 'contact' && (mapping.includes('firstName') || mapping.includes('lastName')))
  );
}
