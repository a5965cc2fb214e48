import type { AppRouter as ServerRouter } from '@herald/server/router';
import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';
import type { HeraldErrorShape, JsonObject, JsonValue } from './errors.ts';

/**
 * Herald's router as a client sees it: every procedure with its input and output, written out
 * in full. The server's own type also carries its request context (Fastify, the database,
 * pg-boss…), which a hub's compiler would then have to resolve; this one carries none of it.
 *
 * The types are rebuilt inside a function on purpose: declaration emit cannot name the local
 * aliases, so `dist/index.d.ts` gets the resolved structure instead of references to the
 * server's source files. Keep new helpers local for the same reason.
 */
function publicRouter<TRecord>() {
  type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
  // An index signature is not an optional key, though an empty object has none of its keys either.
  type OptionalKeys<U> = {
    [K in keyof U]-?: string extends K
      ? never
      : number extends K
        ? never
        : Record<never, never> extends Pick<U, K>
          ? K
          : never;
  }[keyof U];
  // A union of literals comes back unchanged from a conditional type, name and all: rebuild it.
  type Literals<U extends PropertyKey> = { [K in U]: K }[U];
  type Flatten<U> = U extends infer O ? { [K in keyof O]: O[K] } : never;
  // JSON is recursive: name it rather than unfold it forever. An object of optional fields is
  // assignable both ways with JsonObject too, hence the index signature check.
  type PlainMember<U> = string extends keyof U
    ? Exactly<U, JsonObject> extends true
      ? JsonObject
      : { [K in keyof U]: Plain<U[K]> }
    : U extends readonly (infer E)[]
      ? Plain<E>[]
      : U extends object
        ? Flatten<{ [K in Exclude<keyof U, OptionalKeys<U>>]: Plain<U[K]> } & { [K in OptionalKeys<U>]?: Plain<U[K]> }>
        : U;
  // Keys are not homomorphic on purpose: a homomorphic mapped type lets declaration emit reuse
  // the server's annotations (and so its type names).
  type Plain<U> =
    Exactly<U, JsonValue> extends true
      ? JsonValue
      : Literals<Extract<U, string | number>> | PlainMember<Exclude<U, string | number>>;
  type Def<D extends { input: unknown; output: unknown }> = {
    input: Plain<D['input']>;
    output: Plain<D['output']>;
    meta: object;
    errorShape: HeraldErrorShape;
  };
  type Procedures<R> = {
    [K in keyof R]: R[K] extends TRPCQueryProcedure<infer D>
      ? TRPCQueryProcedure<Def<D>>
      : R[K] extends TRPCMutationProcedure<infer D>
        ? TRPCMutationProcedure<Def<D>>
        : Procedures<R[K]>;
  };
  return undefined as unknown as TRPCBuiltRouter<
    { ctx: object; meta: object; errorShape: HeraldErrorShape; transformer: false },
    Procedures<TRecord>
  >;
}

const heraldRouter = /* @__PURE__ */ publicRouter<ServerRouter['_def']['record']>();

/** Herald's tRPC router type: pass it to tRPC's own helpers (`inferRouterInputs<AppRouter>`…). */
export type AppRouter = typeof heraldRouter;
