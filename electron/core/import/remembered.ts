import { createHash } from 'node:crypto';
import { Mapping, type ImportKind } from '../../../shared/schemas/import';
import type { SettingsRepo } from '../settings/repo';
import { normalHeader } from '../records/column-titles';

/** The settings key of a header set: the same columns (in any capitals or spacing) find the same mapping. */
function keyOf(kind: ImportKind, headers: readonly string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([kind, headers.map(normalHeader)]))
    .digest('hex')
    .slice(0, 32);
  return `import.mapping.${digest}`;
}

/** The user's last mapping for files with these headers, per kind, kept in the settings table. */
export function rememberedMappings(settings: SettingsRepo) {
  return {
    /** The mapping chosen last time, when there was one and it still fits the columns. */
    recall(kind: ImportKind, headers: readonly string[]): Mapping | undefined {
      const parsed = Mapping.safeParse(settings.get(keyOf(kind, headers)));
      return parsed.success && parsed.data.length === headers.length ? parsed.data : undefined;
    },
    remember(kind: ImportKind, headers: readonly string[], mapping: Mapping): void {
      settings.set(keyOf(kind, headers), mapping);
    },
  };
}
