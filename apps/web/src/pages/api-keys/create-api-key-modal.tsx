import { API_KEY_NAME_MAX, CreateApiKeyInput } from '@herald/core';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFocusOnOutcome } from '../../components/use-focus-after.ts';
import { messageOf } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { NewApiKey } from './new-api-key.tsx';

type Props = { opened: boolean; onClose: () => void };

/** Asks for a name, creates the key, then shows it once with a copy button. */
export function CreateApiKeyModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '' },
    validate: {
      name: (value) => {
        const result = CreateApiKeyInput.shape.name.safeParse(value);
        if (result.success) return null;
        return result.error.issues[0]?.code === 'too_big'
          ? t('apiKeys.nameTooLong', { max: API_KEY_NAME_MAX })
          : t('apiKeys.nameRequired');
      },
    },
  });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    }),
  );
  const created = create.data;
  const errorRef = useFocusOnOutcome<HTMLDivElement>(create.error);
  const close = () => {
    onClose();
    form.reset();
    create.reset();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('apiKeys.createdTitle') : t('apiKeys.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // Once the key is shown (only this once), only "Done" or the close button dismiss it.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
      centered
      size="lg"
    >
      {created ? (
        <NewApiKey value={created.key} onDone={close} />
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            {create.isError && (
              <Alert ref={errorRef} tabIndex={-1} color="red" variant="light" role="alert">
                {t('apiKeys.createFailed', { message: messageOf(create.error) })}
              </Alert>
            )}
            <TextInput
              label={t('apiKeys.name')}
              description={t('apiKeys.nameDescription')}
              required
              data-autofocus
              maxLength={API_KEY_NAME_MAX}
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('apiKeys.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
