// The long import reader fuzz run: `tsx tests/fuzz/import-readers.fuzz.ts --runs 2000 --seed 42` (runs = files).
import { fuzzArgs } from './fuzz-args';
import { longRunSizes } from './import-files';
import { fuzzImportReaders, readerSummaryLines } from './import-readers-run';

async function main(): Promise<void> {
  const { runs, seed } = fuzzArgs(process.argv.slice(2), 2000);
  console.log(`Import reader fuzz: seed ${seed}, ${runs} files (replay with --seed ${seed} --runs ${runs})`);
  const report = await fuzzImportReaders({ seed, runs, sizes: longRunSizes, log: (line) => console.log(line) });
  for (const line of readerSummaryLines(report)) console.log(line);
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

void main();
