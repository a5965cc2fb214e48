import { Alert, Button, Center, Stack } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../lib/errors.ts';
import { IconAlertCircle } from './icons.tsx';

/** Shown when a route cannot load (e.g. the server is unreachable while checking the session). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480} w="100%">
        <Alert color="red" variant="light" title={t('error.title')} icon={<IconAlertCircle />}>
          {messageOf(error)}
        </Alert>
        <Button variant="default" onClick={retry}>
          {t('error.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
