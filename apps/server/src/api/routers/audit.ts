import { AuditListInput, AuditPage } from '@herald/core';
import { listAudit } from '../../services/audit.ts';
import { adminProcedure, router } from '../trpc.ts';

export const auditRouter = router({
  list: adminProcedure
    .input(AuditListInput)
    .output(AuditPage)
    .query(({ ctx, input }) => listAudit(ctx.deps.db, input)),
});
