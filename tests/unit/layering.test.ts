import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

describe('the dependency rule (docs/ARCHITECTURE.md)', () => {
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

// The renderer's own layers (issue 15): app → features → components/lib, features meet only at an index, no cycles.
const renderer = 'renderer/src';
const features = `${renderer}/features`;
const featureOf = (path: string) => (inside(features)(path) ? path.split('/')[3] : undefined);

/** The file a relative import lands on (.ts, .tsx, a folder's index), or undefined for packages and stylesheets. */
function resolvedFile(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.') || specifier.endsWith('.css')) return undefined;
  const base = target(file, specifier);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((candidate) =>
    existsSync(join(root, candidate)),
  );
}

/** Every renderer file and the renderer files it imports. */
function rendererGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(renderer).map((file) => [
      file,
      importsOf(file).flatMap((specifier) => resolvedFile(file, specifier) ?? []),
    ]),
  );
}

/** Each cycle once, as the path round it (a depth-first search that reports back edges). */
function cyclesIn(graph: Map<string, readonly string[]>): string[] {
  const done = new Set<string>();
  const onPath: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string) => {
    if (done.has(node)) return;
    const at = onPath.indexOf(node);
    if (at >= 0) {
      cycles.push([...onPath.slice(at), node].join(' → '));
      return;
    }
    onPath.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    onPath.pop();
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}

/** Which features each feature imports. */
function featureGraph(graph: Map<string, readonly string[]>): Map<string, string[]> {
  const uses = new Map<string, Set<string>>();
  for (const [file, imported] of graph) {
    const from = featureOf(file);
    if (!from) continue;
    for (const to of imported.map(featureOf)) {
      if (to && to !== from) uses.set(from, (uses.get(from) ?? new Set()).add(to));
    }
  }
  return new Map([...uses].map(([from, to]) => [from, [...to].sort()]));
}

/** Class names a stylesheet defines (every `.name` in its selectors). */
function classesDefinedIn(cssFile: string): string[] {
  const selectors = readFileSync(join(root, cssFile), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\{[^{}]*\}/g, '{}');
  return [...selectors.matchAll(/\.(-?[a-z_][\w-]*)/gi)].map((match) => match[1]!);
}

/**
 * Words in a file's string literals that look like our class names (className values, querySelector selectors):
 * block-element names with a dash or underscore, since single words ("trash", "today") are places and kinds too.
 */
function classLikeWordsIn(file: string): Set<string> {
  const text = readFileSync(join(root, file), 'utf8');
  const literals = [...text.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((match) => match.slice(1).join(''));
  return new Set(literals.flatMap((literal) => literal.match(/[a-z][\w-]*[-_][\w-]*/gi) ?? []));
}

function stylesheets(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/**
 * Files in `folders` that use a class defined only in stylesheets of features they are not part of.
 * `ownerOf` says which feature a stylesheet belongs to (undefined: a lower layer's, which anyone may use).
 */
function borrowedClasses(folders: readonly string[], ownerOf = featureOf): string[] {
  const definedBy = new Map<string, Set<string>>();
  for (const sheet of stylesheets(renderer)) {
    for (const name of classesDefinedIn(sheet)) {
      definedBy.set(name, (definedBy.get(name) ?? new Set()).add(ownerOf(sheet) ?? 'lower layer'));
    }
  }
  return folders.flatMap(sourceFiles).flatMap((file) =>
    [...classLikeWordsIn(file)]
      .filter((word) => {
        const owners = definedBy.get(word);
        return owners !== undefined && !owners.has('lower layer') && !owners.has(ownerOf(file) ?? '');
      })
      .map((word) => `${file} uses .${word} from ${[...definedBy.get(word)!].join(', ')}`),
  );
}

/** Imports from one feature's files into another feature that `allowed` refuses. */
function crossFeatureImports(allowed: (landsAt: string) => boolean): string[] {
  return sourceFiles(features).flatMap((file) =>
    importsOf(file)
      .map((specifier) => target(file, specifier))
      .filter((landsAt) => featureOf(landsAt) && featureOf(landsAt) !== featureOf(file) && !allowed(landsAt))
      .map((landsAt) => `${file} imports ${landsAt}`),
  );
}

const isFeatureIndex = (landsAt: string) => /^renderer\/src\/features\/[^/]+(\/index)?$/.test(landsAt);

describe("the renderer's layers (issue 15)", () => {
  it('components/ and lib/ use no class that only a feature’s stylesheet defines', () => {
    expect(borrowedClasses([`${renderer}/components`, `${renderer}/lib`])).toEqual([]);
  });

  it('a feature imports another feature only through its index (so never its stylesheets)', () => {
    expect(crossFeatureImports(isFeatureIndex)).toEqual([]);
  });

  it('features do not depend on each other in a circle', () => {
    expect(cyclesIn(featureGraph(rendererGraph()))).toEqual([]);
  });

  it('no import cycles anywhere in the renderer', () => {
    expect(cyclesIn(rendererGraph())).toEqual([]);
  });

  it('would catch a breach: the cycle finder and the class check see what they look for', () => {
    expect(
      cyclesIn(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a → b → c → a']);
    expect(
      cyclesIn(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
    expect(classesDefinedIn(`${renderer}/components/Button.css`)).toContain('button--small');
    expect(classLikeWordsIn(`${renderer}/components/Button.tsx`)).toContain('button--small');
    const panelAsAFeature = (path: string) => (path.includes('/components/panel/') ? 'panel' : featureOf(path));
    expect(borrowedClasses([`${renderer}/lib`], panelAsAFeature)).toContain(
      'renderer/src/lib/useRecordForm.ts uses .record-panel from panel',
    );
    expect(crossFeatureImports(() => false)).toContain(
      'renderer/src/features/contacts/ContactsScreen.tsx imports renderer/src/features/views',
    );
    expect(isFeatureIndex('renderer/src/features/views/RecordListScreen')).toBe(false);
    expect(featureGraph(rendererGraph()).get('contacts')).toContain('views');
  });
});
