/** `--runs N --seed S` from a fuzz script's command line; the seed defaults to the clock so each run differs but can be replayed. */
export function fuzzArgs(argv: string[], defaultRuns: number): { runs: number; seed: number } {
  const valueOf = (name: string) => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  const runs = Number(valueOf('--runs') ?? defaultRuns);
  const seed = Number(valueOf('--seed') ?? Date.now() % 2 ** 31);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
  if (!Number.isSafeInteger(seed)) throw new Error('--seed takes a whole number');
  return { runs, seed };
}
