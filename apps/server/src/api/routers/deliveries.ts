import { DeliveryDetail, DeliveryIdInput, DeliveryPage, ListDeliveriesInput, ResendResult } from '@herald/core';
import { getDelivery, listDeliveries, resendDelivery } from '../../services/deliveries.ts';
import { adminProcedure, router } from '../trpc.ts';

export const deliveriesRouter = router({
  list: adminProcedure
    .input(ListDeliveriesInput)
    .output(DeliveryPage)
    .query(({ ctx, input }) => listDeliveries(ctx.deps.db, input)),
  get: adminProcedure
    .input(DeliveryIdInput)
    .output(DeliveryDetail)
    .query(({ ctx, input }) => getDelivery(ctx.deps.db, input.id)),
  resend: adminProcedure
    .input(DeliveryIdInput)
    .output(ResendResult)
    .mutation(({ ctx, input }) => resendDelivery(ctx.deps, input.id, ctx.actor)),
});
