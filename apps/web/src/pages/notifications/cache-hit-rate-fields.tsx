import { CACHE_WINDOW_MODES, type CacheWindowMode } from '@herald/core';
import { List, NumberInput, type NumberInputProps, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CACHE_FIELD, type CacheHitRateState, effectiveWindow, windowKey } from '../../components/cache-hit-rate.ts';

type Props = {
  value: CacheHitRateState;
  /** Field errors keyed by the settings field (`cacheHitRateTopN`). */
  errors: Record<string, string>;
  onChange: (next: CacheHitRateState) => void;
};

type NumberField = Exclude<keyof CacheHitRateState, 'windowMode'>;

// Descriptions under the inputs, so the inputs of one row line up whatever their text's length.
const ORDER: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'error', 'description'];

/** The bounds each input shows; the shared schema is what enforces them (clampBehavior none). */
const BOUNDS: Record<NumberField, { min: number; max: number; percent?: true }> = {
  checkInterval: { min: 1, max: 1440 },
  lookbackDays: { min: 1, max: 90 },
  cooldownMinutes: { min: 0, max: 1440 },
  absMinPercent: { min: 0, max: 100, percent: true },
  dropAbsPercent: { min: 0, max: 100, percent: true },
  dropRelPercent: { min: 0, max: 100, percent: true },
  minEligibleRequests: { min: 1, max: 100_000 },
  minEligibleTokens: { min: 0, max: 2_147_483_647 },
  topN: { min: 1, max: 100 },
};

/**
 * The cache-hit-rate alert's rule: its window and schedule, the three thresholds as percentages
 * (sent as fractions), the minimum sample and top N, each with its range and what it does.
 */
export function CacheHitRateFields({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<CacheHitRateState>) => onChange({ ...value, ...patch });
  const resolved = effectiveWindow(value);
  const number = (field: NumberField): NumberInputProps => {
    const { min, max, percent } = BOUNDS[field];
    return {
      inputWrapperOrder: ORDER,
      label: t(`notificationsPage.cacheHitRate.${field}`),
      description: t(`notificationsPage.cacheHitRate.${field}Description`),
      min,
      max,
      clampBehavior: 'none',
      ...(percent ? { decimalScale: 2, step: 0.01, suffix: ' %' } : { allowDecimal: false }),
      value: value[field],
      onChange: (v) => set({ [field]: v }),
      error: errors[CACHE_FIELD[field]],
    };
  };
  return (
    <Stack gap="md" data-testid="cache-hit-rate-fields">
      <List size="sm" c="dimmed" spacing={2}>
        <List.Item>{t('notificationsPage.cacheHitRate.baselineRule')}</List.Item>
        <List.Item>{t('notificationsPage.cacheHitRate.anomalyRule')}</List.Item>
      </List>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md">
        <Select
          inputWrapperOrder={ORDER}
          label={t('notificationsPage.cacheHitRate.windowMode')}
          description={
            <>
              {t('notificationsPage.cacheHitRate.windowModeDescription')}
              {value.windowMode === 'auto' && resolved && (
                <Text span inherit data-testid="cache-window-now">
                  {' '}
                  {t('notificationsPage.cacheHitRate.windowNow', {
                    window: t(`notificationsPage.cacheHitRate.windows.${windowKey(resolved)}`),
                  })}
                </Text>
              )}
            </>
          }
          data={CACHE_WINDOW_MODES.map((mode) => ({
            value: mode,
            label: t(`notificationsPage.cacheHitRate.windows.${windowKey(mode)}`),
          }))}
          value={value.windowMode}
          allowDeselect={false}
          onChange={(mode) => mode && set({ windowMode: mode as CacheWindowMode })}
          error={errors[CACHE_FIELD.windowMode]}
        />
        <NumberInput {...number('checkInterval')} />
        <NumberInput {...number('lookbackDays')} />
        <NumberInput {...number('absMinPercent')} />
        <NumberInput {...number('dropAbsPercent')} />
        <NumberInput {...number('dropRelPercent')} />
        <NumberInput {...number('minEligibleRequests')} />
        <NumberInput {...number('minEligibleTokens')} />
        <NumberInput {...number('cooldownMinutes')} />
        <NumberInput {...number('topN')} />
      </SimpleGrid>
    </Stack>
  );
}
