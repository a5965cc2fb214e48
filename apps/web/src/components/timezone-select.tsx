import { type ComboboxItem, type ComboboxParsedItem, Select } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import {
  compareZoneOptions,
  formatOffset,
  matchesZone,
  timeZoneIds,
  type ZoneOption,
  zoneOptions,
} from '../lib/time-zones.ts';
import { useNow } from './use-now.ts';

/** The option that stands for "no zone of its own" (Select options need a non-empty value). */
const SYSTEM = '__system__';

const DIMMED = { color: 'var(--mantine-color-dimmed)', fontVariantNumeric: 'tabular-nums' } as const;

const HOUR = 3_600_000;
// Offsets change only at DST transitions (on the hour): the ~420 options are built once an hour, not per select.
let cached: { hour: number; options: ZoneOption[] } | undefined;

/** Every zone's option at `now`, and `extra` (a stored zone the browser may not list) in its place. */
function optionsAt(now: number, extra: string | undefined): ZoneOption[] {
  const hour = Math.floor(now / HOUR);
  if (cached?.hour !== hour) cached = { hour, options: zoneOptions(timeZoneIds(), now) };
  const { options } = cached;
  if (!extra || options.some((option) => option.zone === extra)) return options;
  return [...options, ...zoneOptions([extra], now)].sort(compareZoneOptions);
}

type Props = {
  label: string;
  description?: string | undefined;
  /** A zone, or '' for the system default when `systemOption` is given. */
  value: string;
  onChange: (zone: string) => void;
  error?: ReactNode;
  required?: boolean;
  nothingFound: string;
  /** When given, an empty choice with this label (e.g. "System default (Asia/Shanghai)"). */
  systemOption?: string | undefined;
  onFocus?: () => void;
  onBlur?: () => void;
  maw?: number;
};

/**
 * A searchable select of IANA time zones, each with its UTC offset now and its city, sorted by
 * offset; the search finds a city ("new york"), an id, or an offset ("+8", "UTC-03:30"). The input
 * shows the chosen zone's id, as stored. Optionally an empty "system default" choice first.
 */
export function TimezoneSelect({
  label,
  description,
  value,
  onChange,
  error,
  required,
  nothingFound,
  systemOption,
  onFocus,
  onBlur,
  maw,
}: Props) {
  const now = useNow();
  const options = useMemo(() => optionsAt(now, value || undefined), [now, value]);
  const byZone = useMemo(() => new Map(options.map((option) => [option.zone, option])), [options]);
  const data = useMemo(() => {
    const zones = options.map((option) => ({ value: option.zone, label: option.zone }));
    return systemOption === undefined ? zones : [{ value: SYSTEM, label: systemOption }, ...zones];
  }, [options, systemOption]);
  const filter = ({ options: items, search }: { options: ComboboxParsedItem[]; search: string }) => {
    if (!search.trim()) return items;
    return items.filter((item) => {
      if (!('value' in item)) return false;
      const zone = byZone.get(item.value);
      return zone ? matchesZone(zone, search) : item.label.toLowerCase().includes(search.trim().toLowerCase());
    });
  };
  // Plain spans, not Mantine Text: the list has ~420 options.
  const renderOption = ({ option }: { option: ComboboxItem }) => {
    const zone = byZone.get(option.value);
    if (!zone) return option.label;
    const named = zone.city !== zone.zone;
    return (
      <span>
        {zone.offset !== null && <span style={DIMMED}>({formatOffset(zone.offset)}) </span>}
        {named && `${zone.city} `}
        <span style={DIMMED}>{named ? `— ${zone.zone}` : zone.zone}</span>
      </span>
    );
  };
  const shown = value || systemOption || '';
  // The typed search is ours: picking the zone already chosen would otherwise leave "Asia/Shang" in the box.
  const [search, setSearch] = useState(shown);
  const [lastShown, setLastShown] = useState(shown);
  if (shown !== lastShown) {
    setLastShown(shown);
    setSearch(shown);
  }
  return (
    <Select
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownClose={() => setSearch(shown)}
      label={label}
      description={description}
      searchable
      required={required ?? false}
      allowDeselect={false}
      nothingFoundMessage={nothingFound}
      data={data}
      filter={filter}
      renderOption={renderOption}
      // The listbox scrolls itself, no ScrollArea around it: a combobox's own popup needs no Tab stop
      // (arrow keys move through it), which axe knows only when the scroller is the listbox.
      withScrollArea={false}
      styles={{ options: { maxHeight: 280, overflowY: 'auto' } }}
      maw={maw}
      value={value || (systemOption === undefined ? null : SYSTEM)}
      onChange={(next) => {
        setSearch(next === SYSTEM || !next ? (systemOption ?? '') : next);
        onChange(!next || next === SYSTEM ? '' : next);
      }}
      error={error}
      {...(onFocus ? { onFocus } : {})}
      {...(onBlur ? { onBlur } : {})}
    />
  );
}
