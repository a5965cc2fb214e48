import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function short(value: unknown): string {
  if (value === undefined) return '∅';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Before/after of an audit entry: the changed fields when both are objects, else compact JSON. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const b = parsed(before);
  const a = parsed(after);
  if (isRecord(b) && isRecord(a)) {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
      (key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]),
    );
    if (keys.length === 0) {
      return (
        <Text size="sm" c="dimmed">
          {t('settingsPage.noChanges')}
        </Text>
      );
    }
    return (
      <Stack gap={2}>
        {keys.map((key) => (
          <Text key={key} size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
            {key}: {short(b[key])} → {short(a[key])}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      {b !== null && b !== undefined && <Code style={{ wordBreak: 'break-word' }}>- {short(b)}</Code>}
      {a !== null && a !== undefined && <Code style={{ wordBreak: 'break-word' }}>+ {short(a)}</Code>}
    </Stack>
  );
}
