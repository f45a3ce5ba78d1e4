import { createRequire } from 'node:module';

/** A SAX event as exceljs's `parse-sax` yields them (saxes without namespaces: names keep their prefix). */
interface SaxEvent {
  readonly eventType: string;
  readonly value: unknown;
}

export interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

type ParseSax = (chunks: AsyncIterable<unknown>) => AsyncGenerator<readonly SaxEvent[]>;

let parseSax: ParseSax | undefined;

/**
 * exceljs's own SAX wrapper (lib/utils/parse-sax.js, over saxes): the same XML parser as the rest of the workbook,
 * without a dependency of our own. Loaded with exceljs, never by a command that does not read a workbook.
 */
export function loadParseSax(): ParseSax {
  parseSax ??= createRequire(import.meta.url)('exceljs/lib/utils/parse-sax.js') as ParseSax;
  return parseSax;
}

/** An element's name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
