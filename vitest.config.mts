import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'shared/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    environment: 'node',
    // Each test file opens real SQLite files; forks keep native handles apart.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
