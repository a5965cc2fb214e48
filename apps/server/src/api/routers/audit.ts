import { AuditListInput } from '@herald/core';
import { listAudit } from '../../services/audit.ts';
import { adminProcedure, router } from '../trpc.ts';

export const auditRouter = router({
  list: adminProcedure.input(AuditListInput).query(({ ctx, input }) => listAudit(ctx.deps.db, input)),
});
