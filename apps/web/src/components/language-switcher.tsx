import { Box, Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { IconCheck, IconChevronDown, IconLanguage } from './icons.tsx';

/** A menu of the UI languages; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const activeName = LANGUAGES.find((l) => l.code === active)?.name;
  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px="xs"
          leftSection={<IconLanguage size={18} />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={`${t('language.label')}: ${activeName}`}
        >
          <Box component="span" visibleFrom="xs">
            {activeName}
          </Box>
        </Button>
      </Menu.Target>
      {/* No Menu.Label: a role="menu" may hold only menu items (axe aria-required-children); the button names it. */}
      <Menu.Dropdown aria-label={t('language.label')}>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language.code}
            lang={language.code}
            aria-current={language.code === active ? 'true' : undefined}
            onClick={() => void setLanguage(language.code)}
            rightSection={language.code === active ? <IconCheck size={16} /> : null}
          >
            {language.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
