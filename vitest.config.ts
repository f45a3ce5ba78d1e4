import { defineConfig } from 'vitest/config';

// Tests run on source through the custom export condition: no build needed for unit tests.
const source = { conditions: ['@triage/source'] };
// CI asks for a JSON report to count what ran (.ci/run); locally only the default reporter.
const report = process.env.TRIAGE_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
    projects: [
      {
        resolve: source,
        ssr: { resolve: source },
        test: { name: 'scales', root: 'packages/scales', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        resolve: source,
        ssr: { resolve: source },
        test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        resolve: source,
        ssr: { resolve: source },
        test: {
          name: 'sdk',
          root: 'packages/sdk',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30000,
        },
      },
      {
        resolve: source,
        ssr: { resolve: source },
        test: {
          name: 'cli',
          root: 'packages/cli',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30000,
        },
      },
    ],
  },
});
