import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { startWorker, workerEntry } from './start-worker';

describe('starting a worker thread on one of our modules', () => {
  const tempDir = useTempDirs();

  it('runs a TypeScript module from source, with its imports and data passed in', async () => {
    const dir = tempDir();
    const entry = join(dir, 'echo.ts');
    writeFileSync(
      entry,
      `import { parentPort, workerData } from 'node:worker_threads';\nconst doubled: number = (workerData as { value: number }).value * 2;\nparentPort!.postMessage(doubled);\n`,
    );
    const worker = startWorker(entry, { workerData: { value: 21 } });
    const message: unknown = (await once(worker, 'message'))[0];
    expect(message).toBe(42);
    await worker.terminate();
  });

  it('names the TypeScript file beside a caller running from source, and the built file beside a built one', () => {
    expect(workerEntry('/src/core/host.ts', '/src/core', 'core-worker')).toBe(join('/src/core', 'core-worker.ts'));
    expect(workerEntry('/app/out/main/index.js', '/app/out/main', 'core-worker')).toBe(
      join('/app/out/main', 'core-worker.js'),
    );
    // Source modules see their own path (vitest, Playwright and tsx all give CommonJS-style names).
    expect(workerEntry(__filename, __dirname, 'start-worker')).toBe(join(__dirname, 'start-worker.ts'));
  });
});
