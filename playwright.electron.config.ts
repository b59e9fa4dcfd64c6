import { defineConfig } from '@playwright/test';

/**
 * The launch test of the real app (tests/electron): Playwright's Electron support, no browser.
 * One worker: each test starts a whole Rolodesk, and the machines that run it are small.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Two launches, a snapshot, an export and a restore on a cold CI runner.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
});
