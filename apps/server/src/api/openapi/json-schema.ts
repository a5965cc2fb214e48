import { z } from 'zod';

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** Formats that say all a reader needs: zod's long regular expression for them is left out. */
const SELF_EXPLAINING_FORMATS = new Set(['date-time', 'date', 'time', 'uuid', 'email', 'uri']);

/** The string limits a pipe's second stage adds (`NameText().pipe(z.string().max(200))`). */
const STRING_LIMITS = ['minLength', 'maxLength', 'pattern', 'format'] as const;

type Def = { type: string; in?: z.ZodType; out?: z.ZodType };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * A zod schema as JSON Schema: what a client may send (`input`: defaults make a field
 * optional, the input side of transforms) or what it gets back (`output`). Shared parts are
 * inlined, so each schema stands alone inside the OpenAPI document.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const result = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    reused: 'inline',
    // A recursive schema would need `$defs` beside it; none exists, and a new one fails the document's test.
    cycles: 'throw',
    // A transform's result has no JSON Schema: it reads as "any value" rather than failing the document.
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const json = jsonSchema as JsonSchema;
      if (io === 'input') addPipeLimits(zodSchema, json);
      else relaxOutput(json);
      dropFormatPattern(json);
    },
  }) as JsonSchema;
  delete result.$schema;
  if ('$defs' in result) throw new Error('a schema with $defs cannot be inlined into the OpenAPI document');
  return result;
}

/**
 * In input mode zod describes a pipe by its first stage, so a cleaned name's length limits
 * (checked by the second stage) would be lost; a client must still meet them.
 */
function addPipeLimits(zodSchema: unknown, jsonSchema: JsonSchema): void {
  const def = defOf(zodSchema);
  if (def.type !== 'pipe' || !def.out || jsonSchema.type !== 'string') return;
  const out = z.toJSONSchema(def.out, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  if (out.type !== 'string') return;
  for (const key of STRING_LIMITS) {
    if (out[key] !== undefined && jsonSchema[key] === undefined) jsonSchema[key] = out[key];
  }
  dropFormatPattern(jsonSchema);
}

/**
 * An answer may gain fields in a later Herald, so a client must not refuse unknown ones; and
 * the safe-integer bounds zod puts on every integer say nothing about a count Herald returns.
 */
function relaxOutput(jsonSchema: JsonSchema): void {
  if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  if (jsonSchema.type === 'integer') {
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  }
}

function dropFormatPattern(jsonSchema: JsonSchema): void {
  if (typeof jsonSchema.format === 'string' && SELF_EXPLAINING_FORMATS.has(jsonSchema.format)) {
    delete jsonSchema.pattern;
  }
}
