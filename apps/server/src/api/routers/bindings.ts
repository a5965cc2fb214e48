import { BindingView, ListBindingsInput, SetBindingsInput } from '@herald/core';
import { z } from 'zod';
import { listBindings, setBindings } from '../../services/bindings.ts';
import { adminProcedure, router } from '../trpc.ts';

export const bindingsRouter = router({
  list: adminProcedure
    .input(ListBindingsInput)
    .output(z.array(BindingView))
    .query(({ ctx, input }) => listBindings(ctx.deps.db, input?.notificationType)),
  set: adminProcedure
    .input(SetBindingsInput)
    .output(z.array(BindingView))
    .mutation(({ ctx, input }) => setBindings(ctx.deps, input, ctx.actor)),
});
