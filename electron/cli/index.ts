// Rolodesk's command line, for IT staff and scripts: npm run cli -- <command> --data-dir <folder> …
import log from 'electron-log/node';
import { parseArgs } from 'node:util';
import { fileLogger } from '../core/file-logger';
import { memoryLogger } from '../core/logger';
import { exitCodeFor, runCommand, UsageError } from './commands';

const usage = `Usage: npm run cli -- <command> --data-dir <folder> [options]

Commands:
  list                          list the backups of that data (read-only; works while Rolodesk is open)
  verify [--snapshot <id>]      re-check backups against their checksums (read-only)
  verify --file <backup file> [--password-file <file>]
                                check an exported backup file, encrypted or not, without restoring it
  backup                        take a verified backup now
  export --to <file> [--password-file <file>]
                                write one portable backup file, checked by reading it back
                                (encrypted when backup encryption is on: then give its password)
  export --kind <contacts|companies|deals> --to <file.csv|file.xlsx|file.vcf> [--delimiter ";"]
                                write every contact, company or deal to a CSV, Excel or vCard file
                                (vCard for contacts only; CSV is comma-separated unless --delimiter ";")
  restore --snapshot <id>       restore a backup (a safety backup of the current data is taken first)
  restore --file <backup file> [--password-file <file>]
                                restore an exported backup file (an encrypted one needs its password)
  import --file <file> [--kind contacts|companies] [--encoding E] [--delimiter C]
         [--duplicates skip|update|overwrite|create] [--map "Column A=name,3=notes,…"] [--dry-run]
                                import people or companies from CSV/TSV, .xlsx or vCard, all or nothing
                                (exit code 6: nothing could be imported)

Commands that change data refuse while Rolodesk has the data open (exit code 2).
--password-file: the backup password is the file's first line; it is never typed on the command line.
A missing or wrong backup password exits with code 7.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        snapshot: { type: 'string' },
        file: { type: 'string' },
        to: { type: 'string' },
        'password-file': { type: 'string' },
        help: { type: 'boolean' },
        kind: { type: 'string' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        duplicates: { type: 'string' },
        map: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command] = parsed.positionals;
  const dataDir = parsed.values['data-dir'];
  if (parsed.values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return parsed.values.help ? 0 : 1;
  }
  if (!dataDir) throw new UsageError('--data-dir <folder> is required.');
  const logger =
    command === 'list' || command === 'verify'
      ? memoryLogger()
      : fileLogger(log, dataDir, { fileName: 'cli.log', console: false });
  // The log file gets the details; the terminal gets the plain lines below.
  log.transports.console.level = false;
  const { kind, encoding, delimiter, duplicates, map } = parsed.values;
  const importOptions = { kind, encoding, delimiter, duplicates, map, dryRun: parsed.values['dry-run'] };
  return runCommand(
    command,
    {
      dataDir,
      snapshot: parsed.values.snapshot,
      file: parsed.values.file,
      to: parsed.values.to,
      kind,
      delimiter,
      passwordFile: parsed.values['password-file'],
      import: importOptions,
    },
    { out: (line) => process.stdout.write(`${line}\n`), logger },
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${usage}\n`);
    process.exit(exitCodeFor(error));
  },
);
