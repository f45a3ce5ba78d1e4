import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.ts';
import { loadCore, readText } from '../../rule-files.ts';
import { staffingHelp, staffingMessages } from '../../simulate/staffing-messages.ts';
import { staffingSettings } from '../../simulate/staffing-options.ts';
import type { SimulateStaffingResult } from '../../simulate/staffing-render.ts';

const MODELS = ['erlang-a', 'erlang-c'] as const;

export default class SimulateStaffing extends BaseCommand<typeof SimulateStaffing> {
  static override summary = staffingHelp.summary;
  static override description = staffingHelp.description;
  static override flags = {
    'calls-per-day': Flags.string({ summary: staffingHelp.callsPerDay }),
    'calls-per-hour': Flags.string({ summary: staffingHelp.callsPerHour }),
    profile: Flags.string({ summary: staffingHelp.profile }),
    aht: Flags.string({ summary: staffingHelp.aht, default: '15m' }),
    patience: Flags.string({ summary: staffingHelp.patience, default: '120s' }),
    target: Flags.string({ summary: staffingHelp.target, default: '80/20' }),
    'max-abandon': Flags.string({ summary: staffingHelp.maxAbandon }),
    'max-asa': Flags.string({ summary: staffingHelp.maxAsa }),
    shrinkage: Flags.string({ summary: staffingHelp.shrinkage, default: '30%' }),
    'contract-hours': Flags.string({ summary: staffingHelp.contractHours, default: '40' }),
    model: Flags.option({ options: MODELS, summary: staffingHelp.model, default: 'erlang-a' as const })(),
  };
  static override examples = [
    '<%= config.bin %> <%= command.id %> --calls-per-day 1400 --max-abandon 5%',
    '<%= config.bin %> <%= command.id %> --calls-per-hour 12 --aht 15m --target 80/20 --model erlang-c',
    '<%= config.bin %> <%= command.id %> --calls-per-day 300 --profile hours.csv --patience 90s --json',
  ];

  public async run(): Promise<SimulateStaffingResult> {
    const text = staffingMessages(this.lang);
    const settings = staffingSettings(this.flags, text);
    const [core, { parseProfile }, { runStaffing }, { renderStaffing }] = await Promise.all([
      loadCore(),
      import('../../simulate/staffing-profile.ts'),
      import('../../simulate/staffing-run.ts'),
      import('../../simulate/staffing-render.ts'),
    ]);
    const file = settings.profileFile;
    const shares =
      file === undefined ? undefined : await parseProfile(core, file, await readText(file, this.text), text);
    const result = runStaffing(core, settings, { shares, lang: this.lang });
    this.log(renderStaffing(result, text));
    return result;
  }
}
