/**
 * Old spellings browsers still list (ICU keeps them as canonical ids) and the names IANA uses now:
 * the new one is what an admin types and what we store; both are valid zones to every runtime.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** Every IANA zone the browser knows under its current name, UTC included, plus `extra` (a stored zone it may not list). */
export function timeZoneIds(extra?: string): string[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone').map((zone) => RENAMED[zone] ?? zone)]);
  if (extra) zones.add(extra);
  return [...zones];
}

/** A zone's offset from UTC in minutes at `at` (DST included); null for a zone the browser doesn't know. */
export function offsetMinutes(zone: string, at: number): number | null {
  try {
    const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    // "GMT+05:30", "GMT-03:00", and "GMT" alone for UTC itself.
    const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
    if (!match) return null;
    const [, sign, hours = '0', minutes = '0'] = match;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  } catch {
    return null;
  }
}

/** "UTC+08:00", "UTC-03:30", "UTC+00:00". */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The place a zone is named after, readable: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function cityOf(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

export type ZoneOption = {
  zone: string;
  city: string;
  /** Null for a zone this browser doesn't know (a stored one): it is listed last, without an offset. */
  offset: number | null;
  /** "(UTC+08:00) Shanghai — Asia/Shanghai" */
  label: string;
};

/** The zones with their offsets at `at`, sorted by offset, then city, then id. */
export function zoneOptions(zones: readonly string[], at: number): ZoneOption[] {
  return zones
    .map((zone) => {
      const offset = offsetMinutes(zone, at);
      const city = cityOf(zone);
      const place = city === zone ? zone : `${city} — ${zone}`;
      return { zone, city, offset, label: offset === null ? place : `(${formatOffset(offset)}) ${place}` };
    })
    .sort(compareZoneOptions);
}

/** By offset (unknown last), then city, then id. */
export function compareZoneOptions(a: ZoneOption, b: ZoneOption): number {
  return (
    (a.offset ?? Number.POSITIVE_INFINITY) - (b.offset ?? Number.POSITIVE_INFINITY) ||
    a.city.localeCompare(b.city, 'en') ||
    a.zone.localeCompare(b.zone, 'en')
  );
}

/** Lower case, underscores, hyphens and runs of spaces as one space: "New_York" and "new york" meet. */
const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[_\s-]+/g, ' ')
    .trim();

/** "+8", "UTC+08", "gmt-3:30", "+0530", "−5" as an offset query: hours, and minutes when given. */
function offsetQuery(query: string): { minutes: number; exact: boolean } | null {
  const match = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(query.trim());
  if (!match) return null;
  const [, sign, hours = '0', minutes] = match;
  const value = (sign === '+' ? 1 : -1) * (Number(hours) * 60 + Number(minutes ?? 0));
  return { minutes: value, exact: minutes !== undefined };
}

/**
 * Whether a typed search finds the zone: part of its city or id (spaces or underscores alike), or
 * its offset ("+8" is every zone at UTC+08:xx, "+08:45" that one only).
 */
export function matchesZone(option: ZoneOption, query: string): boolean {
  const offset = offsetQuery(query);
  if (offset) {
    if (option.offset === null) return false;
    if (offset.exact) return option.offset === offset.minutes;
    // Whole hours toward zero: -3:30 is in "-3", +5:45 in "+5".
    return (
      Math.trunc(option.offset / 60) === Math.trunc(offset.minutes / 60) &&
      Math.sign(option.offset) === Math.sign(offset.minutes)
    );
  }
  const wanted = normalize(query);
  return normalize(option.zone).includes(wanted) || normalize(option.city).includes(wanted);
}
