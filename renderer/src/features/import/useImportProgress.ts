import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ImportProgress } from '../../../../shared/schemas/import';
import { onEvent } from '../../api';

export type ImportProgressReport = z.infer<typeof ImportProgress>;

/** The latest progress the core reported for this opened file while `active`; null before the first report. */
export function useImportProgress(importId: string | null, active: boolean): ImportProgressReport | null {
  const [progress, setProgress] = useState<ImportProgressReport | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!importId || !active) return;
    return onEvent('import.progress', (report) => {
      if (report.importId === importId) setProgress(report);
    });
  }, [importId, active]);
  return progress;
}
