import type { FieldedKind } from '../../../../shared/schemas/record';

/** The kind of record a list holds, with its words. */
export interface BulkTarget {
  kind: FieldedKind;
  singular: string;
  plural: string;
}
