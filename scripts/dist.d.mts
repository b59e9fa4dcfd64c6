// Types for dist.mjs, for its test.
export declare function runSteps(
  steps: ReadonlyArray<{ what: string; command: string }>,
  run?: (command: string) => void,
): void;
export declare function installersIn(outDir: string, startedAt: number): string[];
