import { expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

// QA round 21, 11: `import --help` said "any encoding" (Windows-1252 and UTF-32 are refused, Big5 was left out) and
// gave every exit code but 2.
it('import --help names the encodings read and every exit code of the import', () => {
  const r = runCli(['import', '--help']);
  expect(r.status).toBe(0);
  const help = r.stdout.replace(/\s+/g, ' ');
  expect(help).not.toContain('any encoding');
  expect(help).toContain('UTF-8, UTF-16, GB18030/GBK or Big5');
  for (const code of ['0: all rows scored', '3: some rows rejected', '1: failed', '2: usage', '130: interrupted'])
    expect(help).toContain(code);
});
