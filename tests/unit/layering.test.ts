import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every module a file imports, re-exports, requires or imports dynamically. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** Where a relative import lands, as a repo path; packages stay as they are. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;
}

function violations(folder: string, allowed: (landsAt: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .map((specifier) => target(file, specifier))
      // Tests beside the code may use the shared test support; the code itself may not.
      .filter(
        (landsAt) =>
          !allowed(landsAt) && !(file.endsWith('.test.ts') && (inside('tests')(landsAt) || landsAt === 'vitest')),
      )
      .map((landsAt) => `${file} imports ${landsAt}`),
  );
}

const inside = (folder: string) => (path: string) => path === folder || path.startsWith(`${folder}/`);
const notAFeature = (path: string) => !inside('renderer/src/features')(path);
const isPackage = (path: string) => !/^(electron\/|renderer|shared|tests|\.\.)/.test(path);

describe('the dependency rule (DESIGN.md)', () => {
  it('electron/core never imports Electron, main, preload or the renderer', () => {
    expect(
      violations(
        'electron/core',
        (path) => (inside('electron/core')(path) || inside('shared')(path) || isPackage(path)) && path !== 'electron',
      ),
    ).toEqual([]);
  });

  it('the renderer reaches nothing but shared/ and its own files (and browser packages)', () => {
    expect(
      violations(
        'renderer',
        (path) =>
          (inside('renderer')(path) || inside('shared')(path) || isPackage(path)) &&
          path !== 'electron' &&
          !nodeBuiltins.has(path),
      ),
    ).toEqual([]);
  });

  it('in the renderer, components/ and lib/ (the lower layers) never import from features/', () => {
    expect([
      ...violations('renderer/src/components', notAFeature),
      ...violations('renderer/src/lib', notAFeature),
    ]).toEqual([]);
  });

  it('shared/ imports nothing of ours outside itself, and nothing of Node or Electron', () => {
    expect(
      violations(
        'shared',
        (path) => (inside('shared')(path) || isPackage(path)) && path !== 'electron' && !nodeBuiltins.has(path),
      ),
    ).toEqual([]);
  });

  it('the preload imports only Electron and shared/', () => {
    expect(violations('electron/preload', (path) => path === 'electron' || inside('shared')(path))).toEqual([]);
  });

  it('would catch a breach: the checker sees the imports of a file that has them', () => {
    expect(importsOf('electron/main/index.ts')).toContain('electron');
    expect(violations('electron/main', (path) => path !== 'electron').length).toBeGreaterThan(0);
    expect(violations('renderer/src', notAFeature)).toContain(
      'renderer/src/MainWindow.tsx imports renderer/src/features/palette/PaletteButton',
    );
  });
});

describe("the core's layers (handlers parse and call, repos hold the SQL)", () => {
  const handlerFiles = sourceFiles('electron/core').filter((file) => file.endsWith('/handlers.ts'));

  it('no electron/core/**/handlers.ts runs SQL or opens better-sqlite3 itself', () => {
    const sqlCall = /\.(prepare|exec)\s*(<[^>]*>)?\s*\(/;
    expect(handlerFiles.length).toBeGreaterThan(20);
    expect(
      handlerFiles.flatMap((file) => [
        ...(sqlCall.test(readFileSync(join(root, file), 'utf8')) ? [`${file} runs SQL`] : []),
        ...importsOf(file)
          .filter((specifier) => specifier === 'better-sqlite3')
          .map(() => `${file} imports better-sqlite3`),
      ]),
    ).toEqual([]);
  });

  it('only the wiring (core.ts, session.ts) reaches electron/core/ipc from the rest of the core', () => {
    const wiring = new Set(['electron/core/core.ts', 'electron/core/session.ts']);
    expect(
      sourceFiles('electron/core')
        .filter((file) => !inside('electron/core/ipc')(file) && !wiring.has(file))
        .flatMap((file) =>
          importsOf(file)
            .map((specifier) => target(file, specifier))
            .filter(inside('electron/core/ipc'))
            .map((landsAt) => `${file} imports ${landsAt}`),
        ),
    ).toEqual([]);
  });
});
