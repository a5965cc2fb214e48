import { NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { levelsError, type ProviderBalanceState, parseLevels } from './provider-balance.ts';

type Props = {
  value: ProviderBalanceState;
  /** Field errors keyed by the settings field (`providerBalanceLevels.1`). */
  errors: Record<string, string>;
  onChange: (next: ProviderBalanceState) => void;
};

// Descriptions under the inputs, so the two inputs line up whatever their text's length.
const ORDER: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'error', 'description'];

/** The balance alert's default threshold and its lower levels (typed as percentages, sent as fractions). */
export function ProviderBalanceFields({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ProviderBalanceState>) => onChange({ ...value, ...patch });
  // What is wrong with the typed levels, in the UI language; else what the server said.
  const problem = parseLevels(value.levels).problem;
  const levels = problem ? t(`notificationsPage.providerBalance.levelsProblems.${problem}`) : levelsError(errors);
  return (
    <Stack gap="md" data-testid="provider-balance-fields">
      <Text size="sm" c="dimmed">
        {t('notificationsPage.providerBalance.rule')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <NumberInput
          inputWrapperOrder={ORDER}
          label={t('notificationsPage.providerBalance.defaultThreshold')}
          description={t('notificationsPage.providerBalance.defaultThresholdDescription')}
          placeholder={t('notificationsPage.providerBalance.noDefault')}
          min={0}
          decimalScale={4}
          clampBehavior="none"
          value={value.defaultThreshold}
          onChange={(v) => set({ defaultThreshold: v })}
          error={errors.providerBalanceDefaultThreshold}
        />
        <TextInput
          inputWrapperOrder={ORDER}
          label={t('notificationsPage.providerBalance.levels')}
          description={t('notificationsPage.providerBalance.levelsDescription')}
          placeholder="50, 0"
          value={value.levels}
          onChange={(event) => set({ levels: event.currentTarget.value })}
          error={levels}
        />
      </SimpleGrid>
    </Stack>
  );
}
