import { Select } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';

/** The option that stands for "no zone of its own" (Select options need a non-empty value). */
const SYSTEM = '__system__';

/** Every IANA zone the browser knows, plus `extra` (a stored zone it may not list) first. */
export function timeZoneOptions(extra?: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  if (!all.includes('UTC')) all.unshift('UTC');
  return extra && !all.includes(extra) ? [extra, ...all] : all;
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

/** A searchable select of IANA time zones, optionally with an empty "system default" choice. */
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
  const data = useMemo(() => {
    const zones = timeZoneOptions(value || undefined).map((zone) => ({ value: zone, label: zone }));
    return systemOption === undefined ? zones : [{ value: SYSTEM, label: systemOption }, ...zones];
  }, [value, systemOption]);
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
      limit={100}
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
