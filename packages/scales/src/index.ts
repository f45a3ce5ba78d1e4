export type {
  Band,
  BandSet,
  CriticalItem,
  Cutoff,
  InstrumentDefinition,
  ItemDefinition,
  Licence,
  Localized,
  MissingRule,
  ResponseOption,
  Screen,
  ScreenCondition,
  SubscaleDefinition,
  Validity,
} from './definition/schema.ts';
export type { Rounding } from './engine/rounding.ts';
export { scoreInstrument } from './engine/score.ts';
export { simplifiedHan } from './engine/traditional.ts';
export type {
  Answer,
  Answers,
  BandResult,
  Coding,
  CutoffResult,
  Flag,
  FlagStatus,
  IndexResult,
  PositiveItemsResult,
  ScoreFailure,
  ScoreIssue,
  ScoreIssueCode,
  ScoreOptions,
  ScoreValue,
  ScoreWarning,
  ScreenResult,
  SubscaleResult,
  ValidityResult,
  WarningCode,
} from './engine/types.ts';
export { asksYesNo } from './engine/yes-no.ts';
export { formatDerivedName, formatIssue, formatOutcome, formatWarning, type Lang } from './messages.ts';
export { getInstrument, instruments } from './registry.ts';
export { err, ok, type Result } from './result.ts';
