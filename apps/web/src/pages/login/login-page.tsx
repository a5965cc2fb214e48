import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/brand.tsx';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle.tsx';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { LoginForm } from './login-form.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.documentTitle'));
  return (
    <Box
      mih="100dvh"
      style={{
        background:
          'radial-gradient(1200px 600px at 50% -10%, light-dark(var(--mantine-color-indigo-1), rgba(76, 110, 245, 0.18)), transparent)',
      }}
    >
      <Group justify="flex-end" gap="xs" p="md">
        <LanguageSwitcher />
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb="15vh" pt="5vh">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <Brand size="lg" />
            <Text c="dimmed" ta="center">
              {t('login.subtitle')}
            </Text>
          </Stack>
          <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Title order={1} fz={22} mb="lg">
              {t('login.title')}
            </Title>
            <LoginForm />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
