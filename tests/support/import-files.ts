// Helpers for the import tests: real files in a temp folder, imported through the real channels.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Input, Output } from '../../shared/contract';
import type { ImportKind } from '../../shared/schemas/import';
import { call } from './crm';
import type { RecordingDesktop } from './recording-desktop';
import type { Core } from '../../electron/core/core';

export function writeFile(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

type PlanChoices = Partial<Omit<Input<'import.preview'>, 'importId'>>;

/** Opens a file for import the way the wizard does (the Open dialog answers with `path`) and inspects it. */
export async function openFile(core: Core, desktop: RecordingDesktop, path: string, kind: ImportKind = 'contact') {
  desktop.importFile = path;
  const opened = await call(core, 'import.open', { kind, source: { type: 'dialog' } });
  if (!opened) throw new Error('the dialog was answered, yet nothing opened');
  const inspection = await call(core, 'import.inspect', { importId: opened.importId, read: {} });
  const plan = (choices: PlanChoices = {}): Input<'import.preview'> => ({
    importId: opened.importId,
    mapping: inspection.suggested,
    ...choices,
  });
  return {
    importId: opened.importId,
    inspection,
    preview: (choices?: PlanChoices): Promise<Output<'import.preview'>> => call(core, 'import.preview', plan(choices)),
    run: (choices?: PlanChoices): Promise<Output<'import.run'>> => call(core, 'import.run', plan(choices)),
    plan,
  };
}

/** Opens, inspects and imports a file with the suggested mapping (or the choices given). */
export async function importFile(
  core: Core,
  desktop: RecordingDesktop,
  path: string,
  kind: ImportKind = 'contact',
  choices: PlanChoices = {},
) {
  const file = await openFile(core, desktop, path, kind);
  return file.run(choices);
}

/** A CSV of `rows` people, each with an email, a phone, a company (50 of them) and notes. */
export function peopleCsv(rows: number, name = (i: number) => `Person ${i}`): string {
  const lines = ['Name,Email,Phone,Company,Notes'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `${name(i)},person${i}@example.com,+46 70 ${String(i).padStart(7, '0')},Company ${i % 50},Row ${i} of the file`,
    );
  return lines.join('\n') + '\n';
}
