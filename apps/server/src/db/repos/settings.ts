import type { Executor } from '../database.ts';
import type { SettingsRow } from '../tables/settings.ts';

/** The one settings row, created with the defaults on first read (a conflict means another process won). */
export async function readSettings(db: Executor, systemTimezone: string, forUpdate = false): Promise<SettingsRow> {
  const select = () => {
    const q = db.selectFrom('settings').selectAll();
    return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  };
  const row = await select();
  if (row) return row;
  await db
    .insertInto('settings')
    .values({ timezone: systemTimezone })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await select()) as SettingsRow;
}

export async function writeSettings(db: Executor, patch: Record<string, unknown>): Promise<SettingsRow> {
  return db
    .updateTable('settings')
    .set({ ...patch, updated_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}
