import { DeliveryIdInput, ListDeliveriesInput } from '@herald/core';
import { getDelivery, listDeliveries, resendDelivery } from '../../services/deliveries.ts';
import { adminProcedure, router } from '../trpc.ts';

export const deliveriesRouter = router({
  list: adminProcedure.input(ListDeliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.deps.db, input)),
  get: adminProcedure.input(DeliveryIdInput).query(({ ctx, input }) => getDelivery(ctx.deps.db, input.id)),
  resend: adminProcedure
    .input(DeliveryIdInput)
    .mutation(({ ctx, input }) => resendDelivery(ctx.deps, input.id, ctx.actor)),
});
