import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ImportProgress } from '../../../../shared/schemas/import';
import { onEvent } from '../../api';

export type ImportProgressReport = z.infer<typeof ImportProgress>;

/** The latest progress the core reported for this opened file while `active`; null before the first report. */
export function useImportProgress(importId: string | null, active: boolean): ImportProgressReport | null {
  const [progress, setProgress] = useState<ImportProgressReport | null>(null);
  useEffect(() => {
    if (!importId || !active) return;
    const stop = onEvent('import.progress', (report) => {
      if (report.importId === importId) setProgress(report);
    });
    // Cleared when this file's run ends, so its last report never shows at the start of the next.
    return () => {
      stop();
      setProgress(null);
    };
  }, [importId, active]);
  return progress;
}
