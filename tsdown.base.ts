import type { UserConfig } from 'tsdown';

/** One build for every package: ESM, declarations, Node 20 target, no bundled dependencies. */
export function packageConfig(overrides: UserConfig = {}): UserConfig {
  return {
    entry: ['src/index.ts'],
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    dts: true,
    clean: true,
    sourcemap: false,
    ...overrides,
  };
}
