// Type-checked by test/packed.test.ts after the build (tsconfig.dist-check.json): the router type
// as published in dist/index.d.ts must say exactly what the server's own type says.
import type { AppRouter as ServerRouter } from '@herald/server/router';
import type { AnyTRPCProcedure, inferRouterError } from '@trpc/server';
import { expectTypeOf } from 'vitest';
import type { AppRouter, HeraldErrorShape } from '../../dist/index.js';

// One spelling for one type, so identity can compare them: intersections merged, and an index
// signature keyed by string alone (written out, `Record<string, X>` reads back keyed by
// `string | number`). Keys, optionality and value types are kept as they are.
type Norm<T> = T extends readonly (infer E)[]
  ? Norm<E>[]
  : T extends object
    ? { [K in keyof T as K extends number ? never : K]: Norm<T[K]> }
    : T;

type Declared<R> = {
  [K in keyof R]: R[K] extends AnyTRPCProcedure
    ? { input: Norm<R[K]['_def']['$types']['input']>; output: Norm<R[K]['_def']['$types']['output']> }
    : Declared<R[K]>;
};

expectTypeOf<Declared<AppRouter['_def']['record']>>().toEqualTypeOf<Declared<ServerRouter['_def']['record']>>();
expectTypeOf<inferRouterError<ServerRouter>>().toExtend<HeraldErrorShape>();
