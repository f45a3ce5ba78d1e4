import { formatCount } from './html.ts';
import type { ReportMessages } from './messages.ts';
import { reportMessages } from './messages.ts';
import type { ReportModel } from './model.ts';

/** What every section of the report reads: the model, its strings and its number format. */
export interface Context {
  readonly model: ReportModel;
  readonly t: ReportMessages;
  /** A count in the report's number format (digit grouping), not yet escaped. */
  readonly count: (n: number) => string;
}

export function createContext(model: ReportModel): Context {
  const t = reportMessages(model.lang);
  return { model, t, count: (n) => formatCount(n, t.htmlLang) };
}
