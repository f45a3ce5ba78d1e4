import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOWN, hasScript, inTerminal } from './in-terminal.ts';
import { scratch } from './run-cli.ts';

describe.skipIf(!hasScript)(
  'triage simulate cohort asks how to map columns at a terminal, as triage import does',
  () => {
    const s = scratch();
    afterAll(() => s.done());
    const header = `学号,性别,年龄,${Array.from({ length: 20 }, (_, i) => `第${i + 1}题`).join(',')}`;
    const file = s.write(
      'zung.csv',
      `${header}\r\n1001,男,15,${'1,'.repeat(19)}2\r\n1002,女,16,${'2,'.repeat(19)}1\r\n`,
    );

    it('offers the instruments, confirms, and projects the rows read by the chosen mapping', async () => {
      const run = await inTerminal(
        ['simulate', 'cohort', '--input', file, '--start', '2026-09-01'],
        { TRIAGE_CONFIG_DIR: join(s.dir, 'config') },
        [
          // SDS is the sixth instrument in the list: five steps down, select, submit; then use it, and do not save it.
          [/Which instruments/, `${DOWN.repeat(5)} \r`],
          [/Use this mapping\?/, '\r'],
          [/Save this mapping/, 'n\r'],
        ],
      );
      expect(run.answered, run.screen).toBe(3);
      expect(run.code, run.screen).toBe(0);
      expect(run.screen).toContain('2 rows read, 2 scored');
      expect(existsSync(join(s.dir, 'zung.map.yaml'))).toBe(false);
    }, 60_000);
  },
);
