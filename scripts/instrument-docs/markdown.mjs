/** Minimal GitHub-flavoured Markdown building blocks for generated pages. */

/**
 * Escapes text from definitions so it renders literally. Intraword underscores stay (GFM does not emphasise them),
 * so DOIs and URLs keep working as autolinks.
 */
export function text(value) {
  return String(value)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*<>[\]|]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'));
}

/** Inline code. `|` stays escaped because the span may sit in a table cell; definitions hold no backticks. */
export function code(value) {
  return `\`${String(value).replace(/\|/g, '\\|')}\``;
}

/** A table from a header row and body rows; cells are already-rendered Markdown. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `- **label**: value` lines; `colon` is the language's (": " or "："). */
export function fields(pairs, colon) {
  return pairs.map(([label, value]) => `- **${label}**${colon}${value}`).join('\n');
}

/** Blocks separated by one blank line, ending in a single newline; empty blocks dropped. */
export function document(blocks) {
  return `${blocks.filter((b) => b !== '' && b !== undefined && b !== null).join('\n\n')}\n`;
}
