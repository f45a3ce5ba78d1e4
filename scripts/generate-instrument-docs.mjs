/**
 * Generates the instrument reference, docs/instruments/{en,zh}/<id>.md plus a README.md index per language, from the
 * BUILT @triage/scales (packages/scales/dist), so the pages show exactly what the published package scores.
 *
 *   node scripts/generate-instrument-docs.mjs           write the pages (and remove pages of unregistered instruments)
 *   node scripts/generate-instrument-docs.mjs --check   write nothing; exit 1 listing stale, missing and extra files
 *
 * Exit codes: 0 up to date / written, 1 stale (--check), 2 cannot run (bad flag, package not built).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsRun } from './docs-lib.mjs';
import { renderIndex } from './instrument-docs/render-index.mjs';
import { renderPage } from './instrument-docs/render-page.mjs';
import { strings } from './instrument-docs/strings.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scalesDir = join(root, 'packages/scales');
const outDir = 'docs/instruments';
const languages = Object.keys(strings);

/** Every generated file, keyed by its path from the repository root. */
function generate(definitions) {
  const files = new Map();
  for (const lang of languages) {
    const s = strings[lang];
    for (const def of definitions) files.set(`${outDir}/${lang}/${def.id}.md`, renderPage(def, s));
    files.set(`${outDir}/${lang}/README.md`, renderIndex(definitions, s));
  }
  return files;
}

/** Markdown files present in the language folders that the generator would not write. */
function extraFiles(files) {
  const extra = [];
  for (const lang of languages) {
    const dir = join(root, outDir, lang);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = `${outDir}/${lang}/${name}`;
      if (name.endsWith('.md') && !files.has(path)) extra.push(path);
    }
  }
  return extra;
}

function compare(files) {
  const missing = [];
  const stale = [];
  for (const [path, content] of files) {
    const abs = join(root, path);
    if (!existsSync(abs)) missing.push(path);
    else if (readFileSync(abs, 'utf8') !== content) stale.push(path);
  }
  return { missing, stale, extra: extraFiles(files) };
}

const {
  check,
  module: { instruments },
} = await docsRun('generate-instrument-docs.mjs', scalesDir);
const files = generate(instruments);
const { missing, stale, extra } = compare(files);

if (check) {
  const problems = [
    ...stale.map((p) => `stale:   ${p}`),
    ...missing.map((p) => `missing: ${p}`),
    ...extra.map((p) => `extra:   ${p}`),
  ];
  if (problems.length > 0) {
    console.error(`${outDir} is out of date:\n${problems.join('\n')}`);
    console.error('run: node scripts/generate-instrument-docs.mjs (after building @triage/scales), then commit');
    process.exitCode = 1;
  } else {
    console.log(`${outDir} is up to date (${files.size} files, ${instruments.length} instruments)`);
  }
} else {
  for (const path of [...missing, ...stale]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), files.get(path));
  }
  for (const path of extra) rmSync(join(root, path));
  const unchanged = files.size - missing.length - stale.length;
  console.log(
    `${outDir}: ${missing.length} created, ${stale.length} updated, ${extra.length} removed, ${unchanged} unchanged`,
  );
}
