import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests run on source through the custom export condition: no build needed.
        resolve: { conditions: ['@triage/source'] },
        ssr: { resolve: { conditions: ['@triage/source'] } },
        test: { name: 'scales', root: 'packages/scales', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        resolve: { conditions: ['@triage/source'] },
        ssr: { resolve: { conditions: ['@triage/source'] } },
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
