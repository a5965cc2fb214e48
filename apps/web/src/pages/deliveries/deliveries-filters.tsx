import { DELIVERY_STATUSES, NOTIFICATION_TYPES } from '@herald/core';
import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveriesSearch, isFiltered } from '../../components/deliveries-search.ts';
import { IconX } from '../../components/icons.tsx';
import { trpc } from '../../lib/trpc.ts';
import { TimeFilter } from './time-filter.tsx';

type Props = { value: DeliveriesSearch; onChange: (next: DeliveriesSearch) => void };

/** Status, type, target and time filters; the page keeps them in the URL. */
export function DeliveriesFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const targets = useQuery(trpc.targets.list.queryOptions());
  const [resets, setResets] = useState(0);
  const targetOptions = (targets.data ?? []).map((target) => ({ value: target.id, label: target.name }));
  if (value.target && !targetOptions.some((option) => option.value === value.target)) {
    targetOptions.push({ value: value.target, label: t('deliveries.deletedTarget') });
  }
  const filtered = isFiltered(value);
  return (
    <Group align="flex-end" mb="md" gap="sm">
      <Select
        label={t('deliveries.filterStatus')}
        placeholder={t('deliveries.all')}
        clearable
        w={180}
        data={DELIVERY_STATUSES.map((status) => ({ value: status, label: t(`deliveries.statuses.${status}`) }))}
        value={value.status ?? null}
        onChange={(status) => onChange({ ...value, status: (status as DeliveriesSearch['status']) ?? undefined })}
      />
      <Select
        label={t('deliveries.filterType')}
        placeholder={t('deliveries.all')}
        clearable
        w={220}
        data={NOTIFICATION_TYPES.map((type) => ({ value: type, label: t(`deliveries.types.${type}`) }))}
        value={value.type ?? null}
        onChange={(type) => onChange({ ...value, type: (type as DeliveriesSearch['type']) ?? undefined })}
      />
      <Select
        label={t('deliveries.filterTarget')}
        placeholder={t('deliveries.all')}
        clearable
        searchable
        w={240}
        data={targetOptions}
        value={value.target ?? null}
        onChange={(target) => onChange({ ...value, target: target ?? undefined })}
      />
      <TimeFilter value={value} onChange={onChange} resets={resets} />
      {value.silence && (
        <LinkedFilter
          label={t('deliveries.filterSilence')}
          onRemove={() => onChange({ ...value, silence: undefined })}
        />
      )}
      {value.digest && (
        <LinkedFilter label={t('deliveries.filterDigest')} onRemove={() => onChange({ ...value, digest: undefined })} />
      )}
      {value.notification && (
        <LinkedFilter
          label={t('deliveries.filterNotification')}
          onRemove={() => onChange({ ...value, notification: undefined })}
        />
      )}
      {value.provider && (
        <LinkedFilter
          label={t('deliveries.filterProvider', { id: value.provider })}
          onRemove={() => onChange({ ...value, provider: undefined })}
        />
      )}
      {value.user && (
        <LinkedFilter
          label={t('deliveries.filterUser', { id: value.user })}
          onRemove={() => onChange({ ...value, user: undefined })}
        />
      )}
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => {
            setResets((n) => n + 1); // the time filter forgets what was typed
            onChange({});
          }}
        >
          {t('deliveries.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

/** A filter set by a link (a silence, a digest, a message's notification, provider or user): a button that removes it. */
function LinkedFilter({ label, onRemove }: { label: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="light"
      color="gray"
      data-testid="linked-filter"
      rightSection={<IconX size={14} />}
      aria-label={t('deliveries.removeFilter', { name: label })}
      onClick={onRemove}
    >
      {label}
    </Button>
  );
}
