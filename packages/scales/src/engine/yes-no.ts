import type { InstrumentDefinition, ResponseOption } from '../definition/schema.ts';

/** Options that are no (0) and yes (1), refusals aside: ASQ, C-SSRS, PHQ-A a, c, d. */
export function isYesNo(options: readonly ResponseOption[]): boolean {
  const substantive = options.filter((o) => !o.refusal);
  const says = (value: number, word: string) =>
    substantive.some((o) => o.value === value && o.label.en.toLowerCase() === word);
  return substantive.length === 2 && says(0, 'no') && says(1, 'yes');
}

/**
 * Whether an instrument asks a yes/no question (an item whose options are {@link isYesNo}): such an answer written as
 * a number depends on the order the form listed 是 and 否, so coding it from 1 cannot be guessed.
 */
export function asksYesNo(definition: InstrumentDefinition): boolean {
  return definition.items.some((item) => isYesNo(item.options ?? definition.options));
}
