import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import { packageConfig } from '../../tsdown.base.ts';

const commandsDir = fileURLToPath(new URL('./src/commands', import.meta.url));

/** One entry per command file, so dist/commands/… mirrors src/commands/… and oclif finds every command. */
const commands = Object.fromEntries(
  readdirSync(commandsDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => [`commands/${file.slice(0, -'.ts'.length)}`, `src/commands/${file}`]),
);

export default defineConfig(
  packageConfig({
    // csv/open-csv: its own file with its own export names, so bench/csv-parsers.mjs can import the built parser.
    // import-writer: the import's writer thread, started by file name (src/import/output/result-output.ts).
    entry: {
      ...commands,
      run: 'src/run.ts',
      'csv/open-csv': 'src/csv/open-csv.ts',
      'import-writer': 'src/import/output/result-writer.ts',
    },
    deps: {
      // oclif's ~150 modules cost ~75 ms to resolve and load at every start; bundled into one chunk (shared by the
      // entry and every command, so one copy) they cost a fraction. TypeScript is only for oclif's dev mode.
      alwaysBundle: ['@oclif/core'],
      neverBundle: ['typescript'],
    },
    // A command line, not a library: no type declarations to publish.
    dts: false,
    // Shared code goes beside, never inside, dist/commands: oclif would take any file there for a command.
    outputOptions: { chunkFileNames: 'chunks/[name]-[hash].mjs' },
  }),
);
