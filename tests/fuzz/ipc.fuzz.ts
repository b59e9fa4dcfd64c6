// The long IPC fuzz run: `tsx tests/fuzz/ipc.fuzz.ts --runs 100000 --seed 42` (runs = total calls, spread over every channel).
import { channelNames } from '../../shared/contract';
import { fuzzArgs } from './fuzz-args';
import { excludedChannels, fuzzIpc, summaryLines } from './ipc-run';

async function main(): Promise<void> {
  const { runs, seed } = fuzzArgs(process.argv.slice(2), 50_000);
  const channels = channelNames.length - Object.keys(excludedChannels).length;
  const rounds = Math.ceil(runs / channels);
  console.log(
    `IPC fuzz: seed ${seed}, ${rounds} rounds of ${channels} channels (replay with --seed ${seed} --runs ${runs})`,
  );
  const report = await fuzzIpc({ seed, rounds, log: (line) => console.log(line) });
  for (const line of summaryLines(report)) console.log(line);
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

void main();
