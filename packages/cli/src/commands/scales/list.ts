import { BaseCommand } from '../../base-command.ts';
import { help } from '../../messages.ts';
import type { InstrumentSummary } from '../../render/instrument-list.ts';

export interface ScalesListResult {
  readonly instruments: readonly InstrumentSummary[];
}

export default class ScalesList extends BaseCommand<typeof ScalesList> {
  static override summary = help.list;
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --lang zh --json',
  ];

  public async run(): Promise<ScalesListResult> {
    const [{ instruments }, { renderInstrumentList, summarizeInstrument }] = await Promise.all([
      import('@triage/scales'),
      import('../../render/instrument-list.ts'),
    ]);
    this.log(renderInstrumentList(instruments, this.text, this.lang));
    return { instruments: instruments.map(summarizeInstrument) };
  }
}
