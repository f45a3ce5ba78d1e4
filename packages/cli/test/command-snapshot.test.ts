import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

interface ManifestFlag {
  type: string;
  char?: string;
  options?: string[];
  default?: unknown;
  multiple?: boolean;
  required?: boolean;
}
interface Manifest {
  commands: Record<string, { args: Record<string, { required?: boolean }>; flags: Record<string, ManifestFlag> }>;
}

// The shipped manifest (written by the build) reduced to what users type: commands, arguments, flags and their
// choices. A change here is a change to the CLI's interface and shows in review as a snapshot diff.
it('keeps the command interface stable unless the snapshot is updated on purpose', () => {
  const path = fileURLToPath(new URL('../oclif.manifest.json', import.meta.url));
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const summary = Object.fromEntries(
    Object.entries(manifest.commands)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, c]) => [
        id,
        {
          args: Object.entries(c.args).map(([name, a]) => `${name}${a.required ? '' : '?'}`),
          flags: Object.entries(c.flags)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, f]) =>
              [
                `--${name}`,
                f.char ? `-${f.char}` : '',
                f.type,
                f.options ? `(${f.options.join('|')})` : '',
                f.default !== undefined ? `=${String(f.default)}` : '',
              ]
                .filter(Boolean)
                .join(' '),
            ),
        },
      ]),
  );
  expect(summary).toMatchSnapshot();
});
