import { adminTokenProblem } from '@herald/core/admin-token';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle } from '../../components/icons.tsx';
import { rememberSession } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { loginErrorText } from './login-error.ts';

/** The admin token form; on success it goes where the user was headed, or to the overview. */
export function LoginForm() {
  const { t } = useTranslation();
  const { redirect } = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { token: '' },
    validate: {
      token: (value) => {
        const problem = adminTokenProblem(value);
        if (problem === null) return null;
        return problem === 'too_long' ? t('login.tokenTooLong') : t('login.tokenRequired');
      },
    },
  });

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (session) => {
        rememberSession(queryClient, session);
        await navigate({ href: redirect ?? '/', replace: true });
      },
    }),
  );

  return (
    <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values))}>
      <Stack gap="md">
        {login.isError && (
          <Alert color="red" variant="light" title={t('login.errorTitle')} icon={<IconAlertCircle />} role="alert">
            {loginErrorText(login.error, t)}
          </Alert>
        )}
        <PasswordInput
          label={t('login.tokenLabel')}
          description={t('login.tokenDescription')}
          autoComplete="current-password"
          autoFocus
          visibilityToggleButtonProps={{ 'aria-label': t('login.showToken') }}
          required
          size="md"
          key={form.key('token')}
          {...form.getInputProps('token')}
        />
        <Button type="submit" size="md" fullWidth loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
