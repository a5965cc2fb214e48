import { ListDeliveriesInput } from '@herald/core';
import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveriesSearch, TIME_RANGES, type TimeRange } from '../../components/deliveries-search.ts';
import { useAdminTimeZone } from '../../lib/format.ts';
import { instantToWallTime, wallTimeToInstant } from '../../lib/zoned-time.ts';

type Props = {
  value: DeliveriesSearch;
  onChange: (next: DeliveriesSearch) => void;
  /** Bumped by "clear filters": forget the custom range being typed. */
  resets: number;
};

const CUSTOM = 'custom';

/** A preset (last hour … last 30 days) or a custom from/to, read in the admin's time zone. */
export function TimeFilter({ value, onChange, resets }: Props) {
  const { t } = useTranslation();
  const timeZone = useAdminTimeZone();
  const hasRange = Boolean(value.from || value.to);
  const [custom, setCustom] = useState(hasRange && !value.range);
  const [draft, setDraft] = useState(() => ({
    from: value.from ? instantToWallTime(value.from, timeZone) : '',
    to: value.to ? instantToWallTime(value.to, timeZone) : '',
  }));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [seenResets, setSeenResets] = useState(resets);
  if (resets !== seenResets) {
    setSeenResets(resets);
    setCustom(false);
    setDraft({ from: '', to: '' });
    setErrors({});
  }
  const selected = value.range ?? (custom || hasRange ? CUSTOM : null);

  /** Applies the typed range when it is one the server would take; otherwise says why at the field. */
  const applyDraft = (next: { from: string; to: string }) => {
    setDraft(next);
    const from = next.from ? wallTimeToInstant(next.from, timeZone) : undefined;
    const to = next.to ? wallTimeToInstant(next.to, timeZone) : undefined;
    const found: { from?: string; to?: string } = {};
    if (from === null) found.from = t('deliveries.invalidTime');
    if (to === null) found.to = t('deliveries.invalidTime');
    if (from !== null && to !== null) {
      const checked = ListDeliveriesInput.safeParse({ from, to });
      if (!checked.success && checked.error.issues.some((issue) => issue.path[0] === 'to')) {
        found.to = t('deliveries.toBeforeFrom');
      }
    }
    setErrors(found);
    if (found.from || found.to) return;
    onChange({ ...value, range: undefined, from: from ?? undefined, to: to ?? undefined });
  };

  return (
    <Group align="flex-start" gap="sm">
      <Select
        label={t('deliveries.filterTime')}
        placeholder={t('deliveries.anyTime')}
        clearable
        w={200}
        data={[
          ...(Object.keys(TIME_RANGES) as TimeRange[]).map((range) => ({
            value: range,
            label: t(`deliveries.ranges.${range}`),
          })),
          { value: CUSTOM, label: t('deliveries.ranges.custom') },
        ]}
        value={selected}
        onChange={(choice) => {
          setErrors({});
          setCustom(choice === CUSTOM);
          if (choice === CUSTOM) {
            applyDraft(draft);
          } else {
            onChange({ ...value, range: (choice as TimeRange | null) ?? undefined, from: undefined, to: undefined });
          }
        }}
      />
      {selected === CUSTOM && (
        <>
          <TextInput
            type="datetime-local"
            label={t('deliveries.from')}
            description={t('deliveries.inZone', { zone: timeZone })}
            value={draft.from}
            error={errors.from}
            onChange={(event) => applyDraft({ ...draft, from: event.currentTarget.value })}
          />
          <TextInput
            type="datetime-local"
            label={t('deliveries.to')}
            description={t('deliveries.inZone', { zone: timeZone })}
            value={draft.to}
            error={errors.to}
            onChange={(event) => applyDraft({ ...draft, to: event.currentTarget.value })}
          />
        </>
      )}
    </Group>
  );
}
