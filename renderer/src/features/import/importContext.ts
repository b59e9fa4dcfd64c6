import { createContext, useContext } from 'react';
import type { ImportKind } from '../../../../shared/schemas/import';

/** The import wizard, as the rest of the window starts it. */
export interface ImportControl {
  /** Opens the wizard for one kind (a list screen's Import… button), or asking which first (File › Import…, the palette). */
  open: (kind?: ImportKind) => void;
}

export const ImportContext = createContext<ImportControl | null>(null);

export function useImport(): ImportControl {
  const control = useContext(ImportContext);
  if (!control) throw new Error('useImport needs an ImportProvider above it');
  return control;
}
