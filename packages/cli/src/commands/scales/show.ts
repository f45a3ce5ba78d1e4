import { Args, Flags } from '@oclif/core';
import type { InstrumentDefinition } from '@triage/scales';
import { BaseCommand } from '../../base-command.ts';
import { findInstrument, loadScales } from '../../instrument.ts';
import { applyLabelsFile } from '../../labels-file.ts';
import { help } from '../../messages.ts';

export interface ScalesShowResult {
  /** The definition as published by @triage/scales; item wording only where its licence allows. */
  readonly instrument: InstrumentDefinition;
}

export default class ScalesShow extends BaseCommand<typeof ScalesShow> {
  static override summary = help.show;
  static override args = { id: Args.string({ required: true, description: help.showId }) };
  static override flags = { labels: Flags.string({ summary: help.labels }) };
  static override examples = [
    '<%= config.bin %> <%= command.id %> phq-9',
    '<%= config.bin %> <%= command.id %> phq-9 --lang zh',
    '<%= config.bin %> <%= command.id %> phq-9 --json',
    '<%= config.bin %> <%= command.id %> isi --labels my-licensed-labels.yaml',
  ];

  public async run(): Promise<ScalesShowResult> {
    const [scales, { publishableDefinition, renderInstrument }] = await Promise.all([
      loadScales(),
      import('../../render/instrument-detail.ts'),
    ]);
    const shipped = publishableDefinition(findInstrument(scales, this.args.id, this.text));
    const [definition = shipped] = await applyLabelsFile(this.flags.labels, [shipped], this.text);
    this.log(renderInstrument(definition, this.text, this.lang, this.color));
    return { instrument: definition };
  }
}
