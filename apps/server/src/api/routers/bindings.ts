import { ListBindingsInput, SetBindingsInput } from '@herald/core';
import { listBindings, setBindings } from '../../services/bindings.ts';
import { adminProcedure, router } from '../trpc.ts';

export const bindingsRouter = router({
  list: adminProcedure
    .input(ListBindingsInput)
    .query(({ ctx, input }) => listBindings(ctx.deps.db, input?.notificationType)),
  set: adminProcedure.input(SetBindingsInput).mutation(({ ctx, input }) => setBindings(ctx.deps, input, ctx.actor)),
});
