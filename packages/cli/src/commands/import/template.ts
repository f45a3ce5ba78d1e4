import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.ts';
import { findInstrument, loadScales } from '../../instrument.ts';
import { applyLabelsFile } from '../../labels-file.ts';
import { help } from '../../messages.ts';

export default class ImportTemplate extends BaseCommand<typeof ImportTemplate> {
  static override summary = help.template;
  static override strict = false;
  static override args = { instrument: Args.string({ required: true, description: help.templateInstruments }) };
  static override flags = {
    out: Flags.string({ char: 'o', summary: help.templateOut, default: '.' }),
    labels: Flags.string({ summary: help.labels }),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> phq-a gad-7',
    '<%= config.bin %> <%= command.id %> sds --lang zh',
  ];

  public async run(): Promise<{ files: readonly string[] }> {
    const [scales, { writeTemplate }, { importMessages }] = await Promise.all([
      loadScales(),
      import('../../import/template.ts'),
      import('../../import/messages.ts'),
    ]);
    const instruments = await applyLabelsFile(
      this.flags.labels,
      this.positional.map((id) => findInstrument(scales, id, this.text)),
      this.text,
    );
    const files = await writeTemplate(this.flags.out, instruments, this.lang);
    this.note(importMessages(this.lang).templateWritten(files));
    return { files };
  }
}
