import { createContext, useContext } from 'react';
import type { SampleDataStatus } from '../../../../shared/schemas/sample-data';

export type SampleKind = keyof SampleDataStatus['ids'];

/** Sample data as the whole window sees it: the banner, Settings, the welcome and the "Sample" badges share it. */
export interface SampleData {
  /** null until the core has answered. */
  status: SampleDataStatus | null;
  isSample: (kind: SampleKind, id: number) => boolean;
  /** Adds the sample records; rejects with a CrmError the caller shows. */
  add: () => Promise<void>;
  /** Asks in the window, then removes every sample record for good. */
  askRemove: () => void;
}

export const SampleDataContext = createContext<SampleData | null>(null);

export function useSampleData(): SampleData {
  const sampleData = useContext(SampleDataContext);
  if (!sampleData) throw new Error('useSampleData needs a FirstRunProvider above it');
  return sampleData;
}
