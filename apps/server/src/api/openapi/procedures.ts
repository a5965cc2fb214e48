import type { AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import { adminProcedure, hubProcedure, type ProcedureMeta } from '../trpc.ts';

/** Who may call a procedure: a hub's API key, an admin (token or session), or anyone. */
export type Access = 'hub' | 'admin' | 'public';

/** One procedure as the document describes it, read from the router itself. */
export type ProcedureInfo = {
  /** The dotted name a client calls, e.g. `hub.recordUsage`. */
  path: string;
  type: 'query' | 'mutation';
  access: Access;
  input: z.ZodType | null;
  output: z.ZodType | null;
  /** The procedure's own `.meta({ description })`. */
  description: string | null;
};

/** What tRPC keeps on a built procedure at run time (its public type hides `output` and `middlewares`). */
type RuntimeDef = { type: string; inputs: unknown[]; output?: unknown; middlewares: unknown[]; meta?: ProcedureMeta };

/** The middleware that checks a procedure's caller: the last one each base procedure adds. */
const HUB_CHECK = hubProcedure._def.middlewares.at(-1);
const ADMIN_CHECK = adminProcedure._def.middlewares.at(-1);

function accessOf(def: RuntimeDef): Access {
  if (def.middlewares.includes(HUB_CHECK)) return 'hub';
  if (def.middlewares.includes(ADMIN_CHECK)) return 'admin';
  return 'public';
}

function zodOf(path: string, what: string, parser: unknown): z.ZodType | null {
  if (parser === undefined) return null;
  if (parser instanceof z.ZodType) return parser;
  throw new Error(`${path}: its ${what} is not a zod schema, so it cannot be described`);
}

/** Every procedure of `router` by its dotted path, in the router's order. */
export function proceduresOf(router: AnyTRPCRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, { _def: RuntimeDef }>;
  return Object.entries(procedures).map(([path, { _def: def }]) => {
    if (def.type !== 'query' && def.type !== 'mutation') {
      throw new Error(`${path}: a ${def.type} has no plain-HTTP form to describe`);
    }
    if (def.inputs.length > 1) throw new Error(`${path}: merged inputs are not described`);
    return {
      path,
      type: def.type,
      access: accessOf(def),
      input: zodOf(path, 'input', def.inputs[0]),
      output: zodOf(path, 'output', def.output),
      description: def.meta?.description ?? null,
    };
  });
}
