import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconLogout } from '../components/icons.tsx';
import { messageOf } from '../lib/errors.ts';
import { notify } from '../lib/notify.ts';
import { forgetSession } from '../lib/session.ts';
import { trpc } from '../lib/trpc.ts';

/** Ends the session on the server, forgets cached data, and goes to the login page. */
export function LogoutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: async () => {
        forgetSession(queryClient);
        await navigate({ to: '/login' });
      },
      onError: (error) => {
        notify({ color: 'red', message: t('header.logoutFailed', { message: messageOf(error) }) });
      },
    }),
  );
  const label = t('header.logout');
  return (
    <>
      <Button
        visibleFrom="sm"
        variant="default"
        leftSection={<IconLogout size={18} />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {label}
      </Button>
      <Tooltip label={label}>
        <ActionIcon
          hiddenFrom="sm"
          variant="default"
          size="lg"
          aria-label={label}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
        >
          <IconLogout size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
