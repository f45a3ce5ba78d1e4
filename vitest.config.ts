import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run on source through the custom export condition: no build needed for unit tests.
const source = { conditions: ['@triage/source'] };
// CI asks for a JSON report to count what ran (.ci/run); locally only the default reporter.
const report = process.env.TRIAGE_TEST_REPORT;
// Seeds of property tests: fixed in CI, random elsewhere (see the file).
const fastCheck = fileURLToPath(new URL('./vitest.fast-check.ts', import.meta.url));

function project(name: string, testTimeout?: number) {
  return {
    resolve: source,
    ssr: { resolve: source },
    test: {
      name,
      root: `packages/${name}`,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: [fastCheck],
      ...(testTimeout ? { testTimeout } : {}),
    },
  };
}

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
    // Property tests run thousands of cases: on a busy two-core machine they take seconds, not a failure.
    projects: [project('scales', 30000), project('core', 30000), project('sdk', 30000), project('cli', 30000)],
  },
});
