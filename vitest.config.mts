import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'shared/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/fault/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
    ],
    environment: 'node',
    // Each test file opens real SQLite files; forks keep native handles apart.
    pool: 'forks',
    // One time zone on every machine; a test about zones runs its code in the zones it names (tests/support/in-zone.ts).
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
  },
});
