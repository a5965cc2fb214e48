import { knownVariableNames, type NotificationType } from '@herald/core';
import { Button, Group, JsonInput, Menu, ScrollArea, Stack, Text } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Problems found by checkTemplate, shown under the editor. */
  problems: readonly string[];
  label: string;
  description?: string | undefined;
  /** Default: required. */
  required?: boolean;
  /** Offer only this notification type's placeholders (default: every type's). */
  type?: NotificationType | undefined;
};

/** The placeholders the insert menu offers. */
function namesFor(type?: NotificationType): string[] {
  return [...knownVariableNames(type)].sort();
}

/** The custom body template as JSON, with placeholder insertion at the cursor. */
export function TemplateEditor({ value, onChange, error, problems, label, description, required = true, type }: Props) {
  const { t } = useTranslation();
  const names = useMemo(() => namesFor(type), [type]);
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (name: string) => {
    const el = ref.current;
    const text = `{{${name}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };
  return (
    <Stack gap={4}>
      <JsonInput
        ref={ref}
        label={label}
        description={description}
        required={required}
        autosize
        minRows={6}
        maxRows={14}
        value={value}
        onChange={onChange}
        error={error}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {problems.length > 0 && (
        <Stack gap={0} role="alert">
          {problems.map((p) => (
            <Text key={p} size="xs" c="red">
              {p}
            </Text>
          ))}
        </Stack>
      )}
      <Group>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="light" size="xs">
              {t('targets.form.insertPlaceholder')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <ScrollArea.Autosize mah={240}>
              {names.map((name) => (
                <Menu.Item key={name} onClick={() => insert(name)} ff="monospace">
                  {name}
                </Menu.Item>
              ))}
            </ScrollArea.Autosize>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Stack>
  );
}
