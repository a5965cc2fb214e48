/**
 * What follows a number of `unit` in `language`, for an input's suffix: " sec", "秒", " с".
 * From Intl, so no catalogue needs a unit; empty where the language writes the unit first.
 */
export function unitSuffix(language: string, unit: 'second' | 'minute'): string {
  const parts = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).formatToParts(1);
  const number = parts.findIndex((p) => p.type === 'integer');
  return number === 0
    ? parts
        .slice(1)
        .map((p) => p.value)
        .join('')
    : '';
}
