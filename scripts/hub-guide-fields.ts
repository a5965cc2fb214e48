/**
 * The field tables of docs/hub-guide.md, generated from the hub procedures' own zod schemas
 * (the router's inputs and outputs, as the OpenAPI document sees them), so the guide cannot
 * drift from what Herald accepts.
 *
 *   node scripts/hub-guide-fields.ts          rewrite the tables in docs/hub-guide.md
 *   node scripts/hub-guide-fields.ts --check  exit 1 when the guide is out of date
 *
 * The guide marks each table with `<!-- fields: hub.<name> input|output -->` … `<!-- /fields -->`;
 * every hub procedure needs both (input only when it takes one). `<!-- fields: errors -->` is the
 * error codes' table (core's HERALD_ERRORS), `<!-- fields: limits -->` the request limits.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type JsonSchema, jsonSchemaOf } from '../apps/server/src/api/openapi/json-schema.ts';
import { proceduresOf } from '../apps/server/src/api/openapi/procedures.ts';
import { appRouter } from '../apps/server/src/api/router.ts';
import { BODY_LIMIT_BYTES } from '../apps/server/src/http/server.ts';
import { HERALD_ERRORS, HUB_BATCH_MAX, HUB_TIME_LATEST, USAGE_EARLIEST } from '../packages/core/src/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const GUIDE_PATH = path.join(ROOT, 'docs/hub-guide.md');

/** The guide as the repository's formatter (biome, which pads table columns) writes it. */
function formatted(markdown: string): string {
  return execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', `--stdin-file-path=${GUIDE_PATH}`], {
    input: markdown,
    encoding: 'utf8',
  });
}

type Row = { field: string; type: string; required: string; limits: string; meaning: string };

const number = (n: number) => n.toLocaleString('en-US');
const code = (v: unknown) => `\`${JSON.stringify(v)}\``;
/** Markdown table cells: a pipe would end the cell. */
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

const asSchema = (v: unknown): JsonSchema => (v && typeof v === 'object' ? (v as JsonSchema) : {});
const variants = (s: JsonSchema): JsonSchema[] => ((s.anyOf ?? s.oneOf) as JsonSchema[] | undefined) ?? [];

/** The type as a reader of any language would say it. */
export function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return code(s.const);
  if (Array.isArray(s.enum)) return s.enum.map(code).join(' or ');
  const options = variants(s);
  if (options.length > 0) return [...new Set(options.map(typeOf))].join(' or ');
  if (Array.isArray(s.type)) return s.type.map((t) => typeOf({ ...s, type: t })).join(' or ');
  if (s.type === 'string' && s.format === 'date-time') return 'string (ISO 8601 date-time with offset)';
  if (s.type === 'string' && s.format === 'uuid') return 'string (UUID)';
  if (s.type === 'array') {
    const items = asSchema(s.items);
    return items.type === 'object' ? 'array of objects' : `array of ${typeOf(items)}`;
  }
  return typeof s.type === 'string' ? s.type : 'any JSON value';
}

/** Bounds from the schema; for a union, each option's, named by its type. */
export function limitsOf(s: JsonSchema): string {
  const options = variants(s).filter((o) => o.type !== 'null');
  if (options.length > 1) {
    return options
      .map((o) => [typeOf(o), limitsOf(o)] as const)
      .filter(([, l]) => l)
      .map(([t, l]) => `${t}: ${l}`)
      .join('; ');
  }
  if (options.length === 1) return limitsOf(options[0] as JsonSchema);
  const parts: string[] = [];
  const min = s.minimum as number | undefined;
  // zod bounds every integer by the safe-integer range: no limit a reader needs to know.
  const max = s.maximum === Number.MAX_SAFE_INTEGER ? undefined : (s.maximum as number | undefined);
  const low = min === -Number.MAX_SAFE_INTEGER ? undefined : min;
  if (low !== undefined && max !== undefined) parts.push(`${number(low)} to ${number(max)}`);
  else if (low !== undefined) parts.push(`≥ ${number(low)}`);
  else if (max !== undefined) parts.push(`≤ ${number(max)}`);
  const minLength = s.minLength as number | undefined;
  const maxLength = s.maxLength as number | undefined;
  if (minLength !== undefined && maxLength !== undefined) parts.push(`${minLength}–${number(maxLength)} characters`);
  else if (maxLength !== undefined) parts.push(`≤ ${number(maxLength)} characters`);
  else if (minLength !== undefined) parts.push(`≥ ${minLength} characters`);
  if (typeof s.pattern === 'string') parts.push(`matches \`${s.pattern}\``);
  // Every date-time a hub sends is checked against this range (core's HubTime).
  if (s.format === 'date-time') parts.push(`${USAGE_EARLIEST.slice(0, 10)} to before ${HUB_TIME_LATEST.slice(0, 10)}`);
  if (s.type === 'array' && s.maxItems !== undefined) parts.push(`≤ ${number(s.maxItems as number)} items`);
  return parts.join(', ');
}

/** One row per field, nested objects (in arrays too) flattened as `records[].costUsd`. */
export function rowsOf(s: JsonSchema, prefix = ''): Row[] {
  const properties = asSchema(s.properties);
  const required = new Set((s.required as string[] | undefined) ?? []);
  const rows: Row[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const field = asSchema(value);
    const full = `${prefix}${name}`;
    const requirement = required.has(name)
      ? 'required'
      : field.default !== undefined
        ? `default ${code(field.default)}`
        : 'optional';
    rows.push({
      field: `\`${full}\``,
      type: typeOf(field),
      required: requirement,
      limits: limitsOf(field),
      meaning: typeof field.description === 'string' ? field.description : '',
    });
    if (field.type === 'object') rows.push(...rowsOf(field, `${full}.`));
    const items = asSchema(field.items);
    if (field.type === 'array' && items.type === 'object') rows.push(...rowsOf(items, `${full}[].`));
  }
  return rows;
}

function table(rows: Row[], answer: boolean): string {
  const head = answer
    ? ['| field | type | always there | meaning |', '| --- | --- | --- | --- |']
    : ['| field | type | required / default | limits | meaning |', '| --- | --- | --- | --- | --- |'];
  const body = rows.map((r) =>
    answer
      ? `| ${r.field} | ${cell(r.type)} | ${r.required === 'required' ? 'yes' : 'no'} | ${cell(r.meaning)} |`
      : `| ${r.field} | ${cell(r.type)} | ${r.required} | ${cell(r.limits)} | ${cell(r.meaning)} |`,
  );
  return [...head, ...body].join('\n');
}

/** A schema's tables: one, or one per variant of a union told apart by a constant (`state`). */
function tablesOf(s: JsonSchema, answer: boolean): string {
  const options = asSchema(s).oneOf as JsonSchema[] | undefined;
  if (!options) return table(rowsOf(s), answer);
  return options
    .map((option) => {
      const constant = Object.entries(asSchema(option.properties)).find(([, p]) => asSchema(p).const !== undefined);
      const title = constant ? `With \`${constant[0]}: ${JSON.stringify(asSchema(constant[1]).const)}\`:` : 'Or:';
      // The field that tells the variants apart comes first.
      const rows = rowsOf(option);
      const first = rows.filter((r) => constant && r.field === `\`${constant[0]}\``);
      return `${title}\n\n${table([...first, ...rows.filter((r) => !first.includes(r))], answer)}`;
    })
    .join('\n\n');
}

/** Every code a client can get, whether to retry it, and what it means. */
function errorsTable(): string {
  const rows = Object.entries(HERALD_ERRORS).map(
    ([name, e]) => `| \`${name}\` | ${e.status} | ${e.retryable ? '**yes**' : 'no'} | ${cell(e.meaning)} |`,
  );
  return ['| `herald.code` | HTTP status | retryable | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function limitsList(): string {
  const mib = BODY_LIMIT_BYTES / 1024 / 1024;
  return [
    `- A request body is at most ${number(BODY_LIMIT_BYTES)} bytes (${mib} MiB); a bigger one is refused whole with 413 \`PAYLOAD_TOO_LARGE\`.`,
    `- A call carries at most ${number(HUB_BATCH_MAX)} records, users or providers.`,
  ].join('\n');
}

/** Fields whose schema says nothing about them: each needs a `.describe()` in core. */
function undescribed(s: JsonSchema): string[] {
  const variantsOf = (asSchema(s).oneOf as JsonSchema[] | undefined) ?? [s];
  return variantsOf.flatMap((v) =>
    rowsOf(v)
      .filter((r) => !r.meaning)
      .map((r) => r.field),
  );
}

/** Every generated block, by marker name (`hub.recordUsage input`, `errors`, `limits`). */
export function hubFieldBlocks(): Map<string, string> {
  const blocks = new Map<string, string>([
    ['errors', errorsTable()],
    ['limits', limitsList()],
  ]);
  for (const p of proceduresOf(appRouter)) {
    if (p.access !== 'hub') continue;
    if (!p.output) throw new Error(`${p.path} declares no output schema: the guide cannot describe its answer`);
    for (const [io, schema] of [
      ['input', p.input],
      ['output', p.output],
    ] as const) {
      if (!schema) continue;
      const json = jsonSchemaOf(schema, io);
      const missing = undescribed(json);
      if (missing.length > 0) {
        throw new Error(`${p.path} ${io}: ${missing.join(', ')} without a description (.describe() in its schema)`);
      }
      blocks.set(`${p.path} ${io}`, tablesOf(json, io === 'output'));
    }
  }
  return blocks;
}

const MARKER = /<!-- fields: (\S+(?: input| output)?) -->\n[\s\S]*?<!-- \/fields -->/g;

/** The guide with its tables regenerated, and what is wrong with its markers. */
export function updateGuide(text: string): { text: string; problems: string[] } {
  const blocks = hubFieldBlocks();
  const problems: string[] = [];
  const seen = new Set<string>();
  const updated = text.replace(MARKER, (whole, name: string) => {
    const block = blocks.get(name);
    if (block === undefined) {
      problems.push(`a table for ${name}, which is not a hub procedure's (nor errors or limits)`);
      return whole;
    }
    seen.add(name);
    return `<!-- fields: ${name} -->\n${block}\n<!-- /fields -->`;
  });
  for (const name of blocks.keys()) {
    if (!seen.has(name))
      problems.push(`no table for ${name}: add <!-- fields: ${name} --> <!-- /fields --> to the guide`);
  }
  return { text: formatted(updated), problems };
}

if (import.meta.main) {
  const check = process.argv.includes('--check');
  const current = readFileSync(GUIDE_PATH, 'utf8');
  const { text, problems } = updateGuide(current);
  for (const p of problems) console.error(`docs/hub-guide.md: ${p}`);
  if (check) {
    if (text !== current) console.error('docs/hub-guide.md is out of date: run node scripts/hub-guide-fields.ts');
    process.exitCode = text === current && problems.length === 0 ? 0 : 1;
  } else {
    if (text !== current) writeFileSync(GUIDE_PATH, text);
    console.log(text === current ? 'docs/hub-guide.md is up to date' : 'docs/hub-guide.md: tables rewritten');
    if (problems.length > 0) process.exitCode = 1;
  }
}
