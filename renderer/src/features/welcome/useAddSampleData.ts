import { useState } from 'react';
import { toCrmError } from '../../api';
import { useSampleData } from './sampleDataContext';

/** Adding the sample data from a button: busy while it writes, the refusal in words if it fails. */
export function useAddSampleData() {
  const { add } = useSampleData();
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  /** True once the sample data is there. */
  async function addSample(): Promise<boolean> {
    setAdding(true);
    setProblem(null);
    try {
      await add();
      return true;
    } catch (error) {
      setProblem(toCrmError(error).message);
      return false;
    } finally {
      setAdding(false);
    }
  }

  return { adding, problem, addSample };
}
