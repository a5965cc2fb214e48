import type { AnyTRPCRouter } from '@trpc/server';
import type { z } from 'zod';
import { SESSION_COOKIE } from '../trpc.ts';
import { ERROR_SCHEMA, errorResponseRefs, errorResponses } from './errors.ts';
import { type JsonSchema, jsonSchemaOf } from './json-schema.ts';
import { type Access, type ProcedureInfo, proceduresOf } from './procedures.ts';

export type OpenApiOptions = {
  /** Herald's version, shown as the API's. */
  version: string;
  /** The largest request body the server reads, in bytes. */
  bodyLimitBytes: number;
};

export type OpenApiDocument = {
  openapi: string;
  info: { version: string } & JsonSchema;
  paths: JsonSchema;
} & JsonSchema;

const HUB_TAG = 'hub';

const SECURITY: Record<Access, Array<Record<string, string[]>>> = {
  hub: [{ hubApiKey: [] }],
  admin: [{ adminToken: [] }, { adminSession: [] }],
  public: [],
};

function description(bodyLimitBytes: number): string {
  const mib = Math.round((bodyLimitBytes / 1024 / 1024) * 10) / 10;
  return [
    "Herald's API is [tRPC](https://trpc.io) over plain HTTP and JSON: any language can call it.",
    '',
    '- **Query**: `GET /trpc/<procedure>?input=<URL-encoded JSON>` (no `input` when the procedure takes none).',
    '- **Mutation**: `POST /trpc/<procedure>` with `Content-Type: application/json` and the input as the body' +
      ` (at most ${mib} MiB).`,
    '- **Success**: status 200 and `{"result":{"data":<output>}}`.',
    '- **Error**: the status below and `{"error":{…}}`, the same shape for every status (the `Error` schema).',
    '',
    'Hubs call the `hub.*` procedures with a hub API key (`Authorization: Bearer hrld_…`, made on the' +
      " dashboard's API keys page). The other procedures manage Herald: the admin token as a bearer token," +
      " or the dashboard's session cookie.",
  ].join('\n');
}

const successResponse = (output: z.ZodType | null) => ({
  description: 'Done: the output is under `result.data`.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['result'],
        properties: {
          result: {
            type: 'object',
            required: ['data'],
            properties: {
              data: output
                ? jsonSchemaOf(output, 'output')
                : { description: 'Any JSON value: this procedure does not declare its output as a schema yet.' },
            },
          },
        },
      },
    },
  },
});

/** Whether a client may leave the input out (an optional input, or one with a default). */
const inputOptional = (input: z.ZodType) => input.safeParse(undefined).success;

function inputPart(p: ProcedureInfo): JsonSchema {
  if (!p.input) return {};
  const schema = jsonSchemaOf(p.input, 'input');
  const content = { 'application/json': { schema } };
  if (p.type === 'query') {
    return {
      parameters: [
        {
          name: 'input',
          in: 'query',
          required: !inputOptional(p.input),
          description: 'The input as JSON, URL-encoded.',
          content,
        },
      ],
    };
  }
  return { requestBody: { required: !inputOptional(p.input), content } };
}

function operation(p: ProcedureInfo): JsonSchema {
  const [tag] = p.path.split('.');
  const about = p.description ?? p.input?.description ?? p.output?.description;
  return {
    operationId: p.path,
    summary: p.path,
    ...(about ? { description: about } : {}),
    tags: [tag],
    security: SECURITY[p.access],
    ...inputPart(p),
    responses: { '200': successResponse(p.output), ...errorResponseRefs(p) },
  };
}

/** Tags in the order a reader needs them: what hubs call first, then management by area. */
function tagsOf(procedures: ProcedureInfo[]): JsonSchema[] {
  const names = [...new Set(procedures.map((p) => p.path.split('.')[0] as string))];
  names.sort((a, b) => Number(b === HUB_TAG) - Number(a === HUB_TAG));
  return names.map((name) =>
    name === HUB_TAG
      ? { name, description: 'What a hub calls: reports, usage and the users and providers it knows.' }
      : { name, description: `Managing Herald: ${name}.` },
  );
}

/** The OpenAPI 3.1 description of every procedure in `router`, from the router's own zod schemas. */
export function buildOpenApiDocument(router: AnyTRPCRouter, opts: OpenApiOptions): OpenApiDocument {
  const procedures = proceduresOf(router);
  const tags = tagsOf(procedures);
  return {
    openapi: '3.1.1',
    info: { title: 'Herald API', version: opts.version, description: description(opts.bodyLimitBytes) },
    tags,
    'x-tagGroups': [
      { name: 'For hubs', tags: [HUB_TAG] },
      { name: 'Management', tags: tags.map((t) => t.name).filter((n) => n !== HUB_TAG) },
    ],
    paths: Object.fromEntries(
      procedures.map((p) => [`/trpc/${p.path}`, { [p.type === 'query' ? 'get' : 'post']: operation(p) }]),
    ),
    components: {
      schemas: { Error: ERROR_SCHEMA },
      responses: errorResponses(),
      headers: {
        RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
      },
      securitySchemes: {
        hubApiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'hrld_…',
          description: "A hub API key, made on the dashboard's API keys page; only `hub.*` procedures take it.",
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token Herald was started with (ADMIN_TOKEN).',
        },
        adminSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            "The dashboard's session, opened by `auth.login`. A change made with it must come from a page of" +
            ' this server (its Origin header).',
        },
      },
    },
  };
}
