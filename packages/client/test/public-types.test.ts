import type {
  ErrorIssue as CoreErrorIssue,
  HeraldErrorData as CoreHeraldErrorData,
  JsonObject as CoreJsonObject,
} from '@herald/core';
import type { AppRouter as ServerRouter } from '@herald/server/router';
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { describe, expectTypeOf, it } from 'vitest';
import type { AppRouter, ErrorIssue, HeraldErrorData, HeraldErrorShape, JsonObject } from '../src/index.ts';

// These hold at compile time (`pnpm typecheck`): the published router type, written out without
// the server's sources, must say exactly what the server's own type says.
type ServerIn = inferRouterInputs<ServerRouter>;
type ServerOut = inferRouterOutputs<ServerRouter>;
type ClientIn = inferRouterInputs<AppRouter>;
type ClientOut = inferRouterOutputs<AppRouter>;

describe('the published AppRouter type', () => {
  it('has every procedure of the server, and only those', () => {
    expectTypeOf<keyof ClientIn>().toEqualTypeOf<keyof ServerIn>();
    expectTypeOf<keyof ClientIn['hub']>().toEqualTypeOf<keyof ServerIn['hub']>();
  });

  it('gives each hub procedure exactly the server’s input and output', () => {
    expectTypeOf<ClientIn['hub']>().toEqualTypeOf<ServerIn['hub']>();
    expectTypeOf<ClientOut['hub']>().toEqualTypeOf<ServerOut['hub']>();
  });

  it('gives every other procedure the server’s input and output', () => {
    expectTypeOf<ClientIn>().toEqualTypeOf<ServerIn>();
    expectTypeOf<ClientOut>().toEqualTypeOf<ServerOut>();
  });

  it('describes every error the server’s formatter can answer', () => {
    expectTypeOf<inferRouterError<ServerRouter>>().toExtend<HeraldErrorShape>();
    expectTypeOf<HeraldErrorData>().toEqualTypeOf<CoreHeraldErrorData>();
    expectTypeOf<ErrorIssue>().toEqualTypeOf<CoreErrorIssue>();
    expectTypeOf<JsonObject>().toEqualTypeOf<CoreJsonObject>();
  });
});
