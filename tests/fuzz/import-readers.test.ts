import { expect, it } from 'vitest';
import { shortRunSizes } from './import-files';
import { fuzzImportReaders, readerSummaryLines } from './import-readers-run';

// A fixed seed so `npm test` is repeatable; the long run (npm run fuzz) takes a new one each time, with bigger files.
const seed = Number(process.env.FUZZ_SEED ?? 20261207);
const files = 120;

it(`${files} generated and mutated CSV, vCard and .xlsx files are each read, or refused in a plain sentence, without a hang or a memory blow-up`, async () => {
  const report = await fuzzImportReaders({ seed, runs: files, sizes: shortRunSizes, log: (line) => console.log(line) });
  console.log(readerSummaryLines(report).join('\n'));

  expect(report.cases).toBe(files);
  expect(report.failures).toEqual([]);
  // The run reached all three readers and both ends: files read and files refused.
  const outcomes = Object.keys(report.outcomes).join('\n');
  for (const reached of [
    /^csv → read/m,
    /^vcard → read/m,
    /^xlsx none → read/m,
    /→ refused/,
    /^xlsx bomb → refused: This Excel file unpacks/m,
  ])
    expect(outcomes).toMatch(reached);
}, 600_000);
