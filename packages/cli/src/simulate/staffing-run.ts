import type { Lang } from '@triage/scales';
import { CliError } from '../exit-codes.ts';
import type { Core } from '../rule-files.ts';
import type { StaffingSettings } from './staffing-options.ts';
import type { SimulateStaffingResult } from './staffing-render.ts';

/**
 * The hourly staffing for checked settings and the profile's 24 shares (none: the built-in profile, or a flat one
 * for a steady rate). A failure of the search (a target out of reach) is a usage error in the user's language.
 */
export function runStaffing(
  core: Core,
  settings: StaffingSettings,
  options: { readonly shares: readonly number[] | undefined; readonly lang: Lang },
): SimulateStaffingResult {
  const s = settings;
  const shares = s.steady ? Array.from({ length: 24 }, () => 1) : (options.shares ?? core.DEFAULT_HOURLY_PROFILE);
  const common = {
    callsPerDay: s.callsPerDay,
    profile: shares,
    handleSeconds: s.handleSeconds,
    target: s.target,
    shrinkage: s.shrinkage,
    contractHoursPerWeek: s.contractHoursPerWeek,
    ...(s.maxAsaSeconds === undefined ? {} : { maxAsaSeconds: s.maxAsaSeconds }),
  };
  const staffed =
    s.model === 'erlang-c'
      ? core.hourlyStaffing({ ...common, model: 'erlang-c' })
      : core.hourlyStaffing({
          ...common,
          model: 'erlang-a',
          patienceSeconds: s.patienceSeconds,
          ...(s.maxAbandon === undefined ? {} : { maxAbandon: s.maxAbandon }),
        });
  if (!staffed.ok) throw new CliError('CLI_USAGE', core.analyticErrorMessage(staffed.error, options.lang));
  return {
    model: s.model,
    callsPerDay: s.callsPerDay,
    profile: {
      source: s.steady ? 'flat' : s.profileFile === undefined ? 'default' : 'file',
      file: s.profileFile ?? null,
      shares,
    },
    handleSeconds: s.handleSeconds,
    patienceSeconds: s.model === 'erlang-a' ? s.patienceSeconds : null,
    target: s.target,
    maxAbandon: s.maxAbandon ?? null,
    maxAsaSeconds: s.maxAsaSeconds ?? null,
    shrinkage: s.shrinkage,
    contractHoursPerWeek: s.contractHoursPerWeek,
    ...staffed.value,
  };
}
