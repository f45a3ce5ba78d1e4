import type { MappingIssue, SheetMapping } from './columns.ts';
import type { PromptMappingOptions } from './prompt-mapping.ts';

/** Asked when a sheet's header cannot be mapped; may return a mapping. */
export type ResolveMapping = (
  sheet: string | null,
  headers: readonly string[],
  issues: readonly MappingIssue[],
) => Promise<SheetMapping | undefined>;

/**
 * The terminal prompt for a header that cannot be mapped, as `triage import` and `triage simulate cohort` ask it
 * (see `promptMapping`). The prompt module is loaded only when a header needs it: @inquirer stays out of start-up.
 */
export function mappingPrompter(options: Pick<PromptMappingOptions, 'file' | 'all' | 'lang' | 'note'>): ResolveMapping {
  return async (sheet, headers, issues) => {
    const { promptMapping } = await import('./prompt-mapping.ts');
    return promptMapping({ ...options, sheet, headers, issues });
  };
}
