import type { ChannelType } from '@herald/core';
import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../channels/index.ts';
import { describePlatformPace, ownPaceHasEffect, type PlainConfig, parsePace } from './platform-pace.ts';

type Props = {
  type: ChannelType;
  /** The channel's plain settings as typed so far (the platform's pace may depend on them). */
  config: PlainConfig;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
};

/** A target's own pace in messages per minute; empty keeps the platform's, which the help text names. */
export function PaceField({ type, config, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const parsed = parsePace(value);
  const own = 'value' in parsed ? parsed.value : null;
  const noEffect = own !== null && !ownPaceHasEffect(type, config, own);
  return (
    <div>
      <TextInput
        label={t('targets.form.pace')}
        description={t('targets.form.paceDescription', { platform: describePlatformPace(type, t, language) })}
        placeholder={t('targets.form.pacePlaceholder')}
        inputMode="numeric"
        maxLength={3}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
      />
      {/* Not an error: the value is accepted, it just cannot make the target faster. */}
      {noEffect && !error && (
        <Text size="xs" c="yellow.8" mt={4}>
          {t('targets.form.paceNoEffect')}
        </Text>
      )}
    </div>
  );
}
