/** What the docs generators share: how they give up, and whether a package's dist is older than its sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Prints the message and exits 2: the generator cannot run (not a stale-docs failure, which exits 1). */
export function fail(message) {
  console.error(message);
  process.exit(2);
}

/** Newest mtime of the sources that go into dist (tests and READMEs do not). */
function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * The generator's command line (`--check` or nothing) and the built package it documents, imported from
 * `<packageDir>/dist/index.mjs`; exits 2 when the flags are wrong or the package is not built, warns when its
 * sources are newer than its build.
 */
export async function docsRun(script, packageDir) {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--check')) fail(`usage: node scripts/${script} [--check]`);
  const dist = join(packageDir, 'dist/index.mjs');
  const name = `packages/${basename(packageDir)}`;
  if (!existsSync(dist))
    fail(`${name}/dist/index.mjs not found: build first (cd ${name} && npx --yes pnpm@10 run build)`);
  if (newestSourceTime(join(packageDir, 'src')) > statSync(dist).mtimeMs) {
    console.error(`warning: ${name}/src is newer than dist; rebuild for docs that match the source`);
  }
  return { check: args.includes('--check'), module: await import(pathToFileURL(dist).href) };
}
