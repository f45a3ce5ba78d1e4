import type { QueryValue } from './paths.ts';

/** Where a request goes, in the form undici's dispatch API takes it. */
export interface Target {
  readonly origin: string;
  /** Path and query, percent-encoded. */
  readonly path: string;
}

type PathParams = Readonly<Record<string, string | number>> | undefined;
type Query = Readonly<Record<string, QueryValue>> | undefined;

const PARAM = /\{([^}]+)\}/g;

/**
 * Literal parts of a template the WHATWG URL parser leaves exactly as they are: unreserved and sub-delim characters,
 * `:`, `@` and `/` (no `%`, which could spell a dot segment, nor anything it would percent-encode or rewrite).
 */
const VERBATIM = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** A template split once: `literals[0] name[0] literals[1] …`; `verbatim` when the fast path may build it. */
interface CompiledTemplate {
  readonly literals: readonly string[];
  readonly names: readonly string[];
  readonly verbatim: boolean;
}

/** Templates compiled per client; a client fed ever-new templates (untyped calls) stops caching here. */
const MAX_CACHED_TEMPLATES = 512;

function compile(template: string): CompiledTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PARAM)) {
    literals.push(template.slice(last, match.index));
    names.push(match[1] as string);
    last = match.index + match[0].length;
  }
  literals.push(template.slice(last));
  const verbatim = template.startsWith('/') && literals.every((literal) => VERBATIM.test(literal));
  return { literals, names, verbatim };
}

/** Fills `{name}` segments (percent-encoded) and appends the query: what `new URL()` makes of them. */
function reference(baseUrl: string, template: string, path: PathParams, query: Query): Target {
  const filled = template.replace(PARAM, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl.replace(/\/+$/, '') + filled);
  appendQuery(url.searchParams, query);
  const search = url.search;
  return { origin: url.origin, path: search === '' ? url.pathname : url.pathname + search };
}

function appendQuery(params: URLSearchParams, query: Query): void {
  if (query === undefined) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
}

/**
 * Builds request targets under one base URL. The result is always what `new URL(base + filled path)` with the
 * query appended through `searchParams` gives; templates and values that URL parsing would leave untouched (the
 * common case) are concatenated without parsing, the rest take the URL parser.
 */
export class UrlBuilder {
  readonly #baseUrl: string;
  /** Origin and path prefix of the base when concatenation is safe, else `undefined`. */
  readonly #origin: string | undefined;
  readonly #prefix: string;
  readonly #templates = new Map<string, CompiledTemplate>();

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
    const trimmed = baseUrl.replace(/\/+$/, '');
    const url = new URL(baseUrl);
    const prefix = trimmed.slice(url.origin.length);
    const plain =
      url.origin !== 'null' &&
      trimmed.startsWith(url.origin) &&
      (prefix === '' || prefix.startsWith('/')) &&
      url.search === '' &&
      url.hash === '' &&
      VERBATIM.test(prefix);
    this.#origin = plain ? url.origin : undefined;
    this.#prefix = prefix;
  }

  build(template: string, path: PathParams, query: Query): Target {
    if (this.#origin === undefined) return reference(this.#baseUrl, template, path, query);
    const compiled = this.#compiled(template);
    if (!compiled.verbatim) return reference(this.#baseUrl, template, path, query);
    const { literals, names } = compiled;
    let filled = this.#prefix + (literals[0] as string);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = path?.[name];
      if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${template}`);
      filled += encodeURIComponent(String(value)) + (literals[i + 1] as string);
    }
    // `.` and `..` segments, from the template or a value, are resolved by the URL parser: leave those to it.
    // (Nothing else encodeURIComponent leaves, nor a verbatim literal, is special to it.)
    if (DOT_SEGMENT.test(filled)) return reference(this.#baseUrl, template, path, query);
    if (query !== undefined) {
      const params = new URLSearchParams();
      appendQuery(params, query);
      const search = params.toString();
      if (search !== '') filled += `?${search}`;
    }
    return { origin: this.#origin, path: filled };
  }

  #compiled(template: string): CompiledTemplate {
    let compiled = this.#templates.get(template);
    if (compiled === undefined) {
      compiled = compile(template);
      if (this.#templates.size < MAX_CACHED_TEMPLATES) this.#templates.set(template, compiled);
    }
    return compiled;
  }
}
