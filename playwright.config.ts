import { chromium, defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Chromium comes from CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own managed browser if one is installed. Nothing is downloaded.
 */
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: `apt-get install -y chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
  }
  return found;
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry, reported as "flaky" in the output: the focus tests on long lists (End/Home over 1,000+ rows) and a few
  // others failed once in a full run on a loaded 2-core machine and never alone. A second failure still fails the run.
  retries: 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  // In this harness the core's thread, and each job's thread, compile the core from its TypeScript sources when they
  // start: several seconds on 2 cores, and more as the core grows (the app loads built code). What waits on them (a
  // restarted engine's notice, an export's fresh backup) needs more than Playwright's default 5 s before it fails.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
