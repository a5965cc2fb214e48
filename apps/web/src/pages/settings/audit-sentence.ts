import { AUDIT_ACTIONS, type AuditEntryView, type ChannelType } from '@herald/core';

/** The words the sentences need, in the admin's language (i18next's `t` and the channel units). */
export type AuditWords = {
  t: (key: string, params?: Record<string, unknown>) => string;
  has: (key: string) => boolean;
  channelName: (type: ChannelType) => string;
  /** A channel unit's label for one of its fields, when it has one. */
  channelField: (type: ChannelType, field: string) => string | null;
  dateTime: (iso: string) => string;
  /** "A, B and C" in the admin's language (Intl.ListFormat). */
  list: (items: string[]) => string;
};

/** One field that changed: its label (null: the field's API name, shown as a code), values as text. */
export type FieldChange = { field: string; label: string | null; before: string; after: string };
export type AuditLine = { text: string; changes: FieldChange[] };
/** Where the changed object is in the dashboard. */
export type AuditLink = { to: string; search: Record<string, string>; label: string };
export type AuditDescription = { lines: AuditLine[]; link: AuditLink | null };

type Rec = Record<string, unknown>;
/** An entry as `audit.list` answers it (before/after as the stored JSON). */
export type AuditEntry = Omit<AuditEntryView, 'before' | 'after'> & { before?: unknown; after?: unknown };
const L = 'auditLog';

/** Bookkeeping that changes with every save and says nothing about what the admin changed. */
const NOISE = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'lastTestAt',
  'lastTestResult',
  'lastUsedAt',
  'lastPoll',
  'heldBack',
  'active',
  'targetName',
  'targetType',
  'targetEnabled',
  'hints',
]);

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSecret = (v: unknown): v is { set: boolean } => isRecord(v) && typeof v.set === 'boolean' && 'hint' in v;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The name an actor was recorded under, in words. */
export function actorName(actor: string, w: AuditWords): string {
  if (actor === 'admin:session') return w.t(`${L}.actors.session`);
  if (actor === 'admin:token') return w.t(`${L}.actors.token`);
  if (actor === 'system') return w.t(`${L}.actors.system`);
  return actor;
}

const typeName = (type: unknown, w: AuditWords) =>
  w.has(`deliveries.types.${str(type)}`) ? w.t(`deliveries.types.${str(type)}`) : str(type);

function channelOf(v: unknown): ChannelType | null {
  return isRecord(v) && typeof v.providerType === 'string' ? (v.providerType as ChannelType) : null;
}

/** A value as text: secrets only as set/not set (never their hint), names in words, the rest compact. */
function valueText(field: string, v: unknown, w: AuditWords): string {
  if (isSecret(v)) return w.t(`${L}.values.${v.set ? 'set' : 'notSet'}`);
  if (v === null || v === undefined) return w.t(`${L}.values.none`);
  if (typeof v === 'boolean') return w.t(`${L}.values.${v ? 'on' : 'off'}`);
  if (field === 'locale' && w.has(`settingsPage.locales.${str(v)}`)) return w.t(`settingsPage.locales.${str(v)}`);
  if (field === 'providerType') return w.channelName(v as ChannelType);
  if (field === 'notificationType') return typeName(v, w);
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 119)}…` : v;
  if (typeof v === 'number') return String(v);
  // Headers: their names, each value a secret.
  if (isRecord(v) && Object.values(v).every(isSecret)) return Object.keys(v).join(', ') || w.t(`${L}.values.none`);
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function fieldLabel(field: string, channel: ChannelType | null, w: AuditWords): string | null {
  if (w.has(`${L}.fields.${field}`)) return w.t(`${L}.fields.${field}`);
  return channel ? w.channelField(channel, field) : null;
}

/** The fields that differ, labelled; a secret set on both sides but with another hint reads "changed". */
export function fieldChanges(before: unknown, after: unknown, w: AuditWords): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const channel = channelOf(after) ?? channelOf(before);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((field) => !NOISE.has(field) && !same(b[field], a[field]))
    .map((field) => {
      const [x, y] = [b[field], a[field]];
      const rotated = isSecret(x) && isSecret(y) && x.set && y.set;
      return {
        field,
        label: fieldLabel(field, channel, w),
        before: valueText(field, x, w),
        after: rotated ? w.t(`${L}.values.changed`) : valueText(field, y, w),
      };
    });
}

const line = (text: string, changes: FieldChange[] = []): AuditLine => ({ text, changes });

function targetLines(action: string, before: unknown, after: unknown, actor: string, w: AuditWords): AuditLine[] {
  const view = (isRecord(after) ? after : isRecord(before) ? before : {}) as Rec;
  const name = str(view.name);
  const channel = channelOf(view);
  const params = { actor, name, channel: channel ? w.channelName(channel) : '' };
  if (action === 'target.create') return [line(w.t(`${L}.sentences.targetCreate`, params))];
  if (action === 'target.delete') return [line(w.t(`${L}.sentences.targetDelete`, params))];
  const changes = fieldChanges(before, after, w);
  const b = (isRecord(before) ? before : {}) as Rec;
  if (changes.length === 1 && changes[0]?.field === 'isEnabled') {
    return [line(w.t(`${L}.sentences.${view.isEnabled ? 'targetOn' : 'targetOff'}`, params))];
  }
  if (b.name !== undefined && b.name !== view.name) {
    return [line(w.t(`${L}.sentences.targetRename`, { ...params, from: str(b.name) }), changes)];
  }
  return [line(w.t(`${L}.sentences.targetUpdate`, params), changes)];
}

/** bindings.set: one line per target bound, unbound or changed. */
function bindingLines(entityId: string | null, before: unknown, after: unknown, actor: string, w: AuditWords) {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(isRecord) : []);
  const byTarget = (v: unknown) => new Map(list(v).map((b) => [str(b.targetId), b]));
  const [old, now] = [byTarget(before), byTarget(after)];
  const type = typeName(entityId ?? list(after)[0]?.notificationType ?? list(before)[0]?.notificationType, w);
  const lines: AuditLine[] = [];
  for (const [id, b] of now) {
    const target = str(b.targetName);
    const was = old.get(id);
    if (!was) {
      const cron = str(b.scheduleCron);
      lines.push(line(w.t(`${L}.sentences.${cron ? 'bindAt' : 'bind'}`, { actor, target, type, cron })));
      continue;
    }
    const changes = fieldChanges(was, b, w);
    if (changes.length > 0) lines.push(line(w.t(`${L}.sentences.bindingChange`, { actor, target, type }), changes));
  }
  for (const [id, b] of old) {
    if (!now.has(id)) lines.push(line(w.t(`${L}.sentences.unbind`, { actor, target: str(b.targetName), type })));
  }
  return lines.length > 0 ? lines : [line(w.t(`${L}.sentences.bindingsSaved`, { actor, type }))];
}

function settingsLines(before: unknown, after: unknown, actor: string, w: AuditWords): AuditLine[] {
  const changes = fieldChanges(before, after, w);
  const [only] = changes;
  if (changes.length === 0) return [line(w.t(`${L}.sentences.settingsSaved`, { actor }))];
  if (changes.length === 1 && only) {
    if (only.field === 'locale' || only.field === 'timezone') {
      const key = only.field === 'locale' ? 'settingsLocale' : 'settingsTimezone';
      return [line(w.t(`${L}.sentences.${key}`, { actor, from: only.before, to: only.after }))];
    }
    const value = isRecord(after) ? after[only.field] : undefined;
    if (typeof value === 'boolean' && only.label) {
      return [line(w.t(`${L}.sentences.${value ? 'settingsOn' : 'settingsOff'}`, { actor, field: only.label }))];
    }
  }
  const fields = w.list(changes.map((c) => c.label ?? c.field));
  return [line(w.t(`${L}.sentences.settingsUpdate`, { actor, fields }), changes)];
}

function silenceWhat(view: Rec, w: AuditWords): string {
  const m = isRecord(view.matcher) ? view.matcher : {};
  const name = str(view.matcherName);
  if (m.kind === 'type') return w.t(`${L}.silenced.type`, { type: typeName(m.notificationType, w) });
  if (m.kind === 'user') return w.t(`${L}.silenced.user`, { name: name || str(m.userId) });
  return w.t(`${L}.silenced.provider`, { name: name || str(m.providerId) });
}

function linesOf(e: AuditEntry, w: AuditWords, targetNames: ReadonlyMap<string, string>): AuditLine[] {
  const [before, after] = [parsed(e.before), parsed(e.after)];
  const actor = actorName(e.actor, w);
  const view = (isRecord(after) ? after : isRecord(before) ? before : {}) as Rec;
  const s = (key: string, params: Rec = {}) => w.t(`${L}.sentences.${key}`, { actor, ...params });
  switch (e.action) {
    case 'target.create':
    case 'target.update':
    case 'target.delete':
      return targetLines(e.action, before, after, actor, w);
    case 'bindings.set':
      return bindingLines(e.entityId, before, after, actor, w);
    case 'bindings.add': {
      const added = Array.isArray(after) ? after.filter(isRecord) : [];
      const types = w.list(added.map((b) => typeName(b.notificationType, w)));
      return [line(s('bindTypes', { target: str(added[0]?.targetName), types }))];
    }
    case 'settings.update':
      return settingsLines(before, after, actor, w);
    case 'settings.mode_switched':
      return [line(s('modeSwitched'))];
    case 'settings.legacy_migrated':
      return [line(s('legacyMigrated'))];
    case 'api_key.create':
      return [line(s('keyCreate', { name: str(view.name), prefix: str(view.prefix) }))];
    case 'api_key.revoke':
      return [line(s('keyRevoke', { name: str(view.name) }))];
    case 'silence.create':
      return [line(s('silenceCreate', { what: silenceWhat(view, w), until: w.dateTime(str(view.endsAt)) }))];
    case 'silence.end':
      return [line(s('silenceEnd', { what: silenceWhat(view, w) }))];
    case 'deliveries.resend':
      return [line(s('resend', { target: targetNames.get(str(view.targetId)) ?? w.t(`${L}.aTarget`) }))];
    case 'cch_connector.update': {
      const changes = fieldChanges(before, after, w);
      const b = (isRecord(before) ? before : {}) as Rec;
      const toggled = b.enabled !== view.enabled;
      return [line(s(toggled ? (view.enabled ? 'cchOn' : 'cchOff') : 'cchUpdate'), toggled ? [] : changes)];
    }
    default:
      return [line(s('unknown', { action: e.action }), fieldChanges(before, after, w))];
  }
}

/** Where the object is: a target's dialog, the API keys, the routing, a silence, a delivery. */
function linkOf(e: AuditEntry, w: AuditWords, targetNames: ReadonlyMap<string, string>): AuditLink | null {
  const link = (to: string, kind: string, search: Record<string, string> = {}) => ({
    to,
    search,
    label: w.t(`${L}.links.${kind}`),
  });
  switch (e.entityType) {
    case 'target':
      // A deleted target has no page left.
      return e.entityId && targetNames.has(e.entityId) ? link('/targets', 'target', { edit: e.entityId }) : null;
    case 'api_key':
      return link('/api-keys', 'api_key');
    case 'bindings':
      return link('/notifications', 'bindings');
    case 'silence':
      return link('/silences', 'silence');
    case 'delivery':
      return e.entityId ? link('/deliveries', 'delivery', { delivery: e.entityId }) : null;
    default:
      return null;
  }
}

/** An audit entry in the admin's words: sentences, the fields each changed, and a link to the object. */
export function describeAudit(
  e: AuditEntry,
  w: AuditWords,
  targetNames: ReadonlyMap<string, string> = new Map(),
): AuditDescription {
  return { lines: linesOf(e, w, targetNames), link: linkOf(e, w, targetNames) };
}

/** Every action the server records has its own sentence (the test walks this list). */
export const DESCRIBED_ACTIONS = Object.keys(AUDIT_ACTIONS);
