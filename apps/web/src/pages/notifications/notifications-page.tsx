import { NOTIFICATION_TYPES, type NotificationType, UpdateSettingsInput } from '@herald/core';
import { Alert, Button, Center, Grid, Loader, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, schemaErrorsOf } from '../../components/field-errors.ts';
import { IconAlertCircle } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { type BindingDraft, buildBindingsInput, draftOf } from './binding-draft.ts';
import { GeneralCard } from './general-card.tsx';
import { LeaveGuard } from './leave-guard.tsx';
import {
  changeCount,
  diffPage,
  type PageDraft,
  pageDraftOf,
  setRouted,
  settingsPatch,
  sortTargets,
  type TypeDraft,
  typePatch,
} from './page-draft.ts';
import { RoutingGrid } from './routing-grid.tsx';
import { useSelectedType } from './selected-type.ts';
import { TypeCard } from './type-card.tsx';
import { UnsavedBar } from './unsaved-bar.tsx';

/** Where focus goes when the bar (and the button that had it) disappears: the grid's title, else the page. */
const focusPage = () => (document.getElementById('routing-title') ?? document.getElementById('main-content'))?.focus();

const scheduledType = (type: NotificationType) => type !== 'circuit_breaker' && type !== 'provider_balance';

type Errors = { settings: Record<string, string>; bindings: Partial<Record<NotificationType, Record<string, string>>> };
const NO_ERRORS: Errors = { settings: {}, bindings: {} };

/**
 * The global switch and mode, the targets × types grid, the selected type's settings and bindings,
 * and one unsaved-changes bar that saves (or discards) all of it.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const targets = useQuery(trpc.targets.list.queryOptions());
  const bindings = useQuery(trpc.bindings.list.queryOptions());
  const failed = [settings, targets, bindings].find((q) => q.isError);
  const [draft, setDraft] = useState<PageDraft | null>(null);
  const [selected, setSelected] = useSelectedType();
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const updateSettings = useMutation(trpc.settings.update.mutationOptions());
  const setBindings = useMutation(trpc.bindings.set.mutationOptions());

  const sortedTargets = useMemo(
    () =>
      sortTargets(
        (targets.data ?? []).map((x) => ({
          id: x.id,
          name: x.name,
          providerType: x.providerType,
          customTemplate: x.customTemplate,
        })),
      ),
    [targets.data],
  );
  const base = useMemo(() => {
    if (!settings.data || !bindings.data || !targets.data) return null;
    const byType = Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => [type, bindings.data.filter((b) => b.notificationType === type).map(draftOf)]),
    ) as Record<NotificationType, BindingDraft[]>;
    return pageDraftOf(settings.data, byType, sortedTargets);
  }, [settings.data, bindings.data, targets.data, sortedTargets]);
  const current = draft ?? base;
  const diff = base && current ? diffPage(base, current) : null;
  const count = diff ? changeCount(diff) : 0;

  const edit = (update: (d: PageDraft) => PageDraft) =>
    setDraft((d) => ((d ?? base) ? update((d ?? base) as PageDraft) : d));
  const editType = (type: NotificationType, next: TypeDraft) =>
    edit((d) => ({ ...d, types: { ...d.types, [type]: next } }));

  const refetch = () => Promise.all([settings.refetch(), targets.refetch(), bindings.refetch()]);

  const save = async () => {
    if (!current || !diff) return;
    const patch = settingsPatch(current, diff);
    const settingsErrors = Object.keys(patch).length > 0 ? schemaErrorsOf(UpdateSettingsInput, patch) : {};
    const multi = current.general.mode === 'multi';
    const built = (multi ? diff.bindings : []).map((type) => ({
      type,
      ...buildBindingsInput(type, current.types[type].bindings, scheduledType(type), {
        invalidJson: (message) => t('notificationsPage.invalidJson', { message }),
        cronFields: t('notificationsPage.cronFields'),
        cronInvalid: t('notificationsPage.cronInvalid'),
        quietHours: {
          noDays: t('notificationsPage.quiet.noDays'),
          badTime: t('notificationsPage.quiet.badTime'),
          sameTimes: t('notificationsPage.quiet.sameTimes'),
        },
      }),
    }));
    const found: Errors = {
      settings: settingsErrors,
      bindings: Object.fromEntries(built.map((b) => [b.type, b.errors])),
    };
    setErrors(found);
    const wrong = NOTIFICATION_TYPES.filter(
      (type) =>
        Object.keys(found.bindings[type] ?? {}).length > 0 ||
        Object.keys(typePatch(type, current.types[type])).some((key) => key in settingsErrors),
    );
    if (Object.keys(settingsErrors).length > 0 || built.some((b) => !b.input)) {
      // Show the marked fields: the selected type first, else the first type with an error.
      if (wrong.length > 0 && !wrong.includes(selected)) setSelected(wrong[0] as NotificationType);
      notify({ color: 'red', message: t('notificationsPage.fixErrors') });
      return;
    }
    setSaving(true);
    let step: NotificationType | 'settings' = 'settings';
    try {
      if (Object.keys(patch).length > 0) await updateSettings.mutateAsync(patch);
      for (const b of built) {
        step = b.type;
        if (b.input) await setBindings.mutateAsync(b.input);
      }
      await refetch();
      setDraft(null);
      setErrors(NO_ERRORS);
      focusPage();
      notify({ color: 'teal', message: t('notificationsPage.saved') });
    } catch (error) {
      const at = fieldErrorsOf(error);
      setErrors(step === 'settings' ? { ...NO_ERRORS, settings: at } : { ...NO_ERRORS, bindings: { [step]: at } });
      if (step !== 'settings') setSelected(step);
      notify({ color: 'red', message: t('notificationsPage.saveFailed', { message: messageOf(error) }) });
      // What did save is now the stored state: the bar then counts only what is left.
      await refetch();
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setDraft(null);
    setErrors(NO_ERRORS);
    focusPage();
  };

  const multi = current?.general.mode === 'multi';
  const typeCard = (type: NotificationType) =>
    settings.data && current ? (
      <TypeCard
        key={type}
        type={type}
        settings={settings.data}
        multiTarget={multi}
        targets={sortedTargets}
        value={current.types[type]}
        errors={{ ...errors.settings, ...errors.bindings[type] }}
        onChange={(next) => editType(type, next)}
        onClearErrors={(prefix) =>
          setErrors((all) => ({
            ...all,
            bindings: {
              ...all.bindings,
              [type]: Object.fromEntries(
                Object.entries(all.bindings[type] ?? {}).filter(
                  ([key]) => key !== prefix && !key.startsWith(`${prefix}.`),
                ),
              ),
            },
          }))
        }
        templateOf={(id) => sortedTargets.find((x) => x.id === id)?.customTemplate ?? null}
      />
    ) : null;

  return (
    <>
      <PageHeader title={t('nav.notifications')} description={t('pages.notifications.description')} />
      <LeaveGuard dirty={count > 0} />
      {!current && !failed && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {failed && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('error.title')} mb="xl">
          {t('notificationsPage.loadFailed', { message: messageOf(failed.error) })}
          <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void refetch()}>
            {t('error.retry')}
          </Button>
        </Alert>
      )}
      {settings.data && base && current && (
        <>
          <GeneralCard
            settings={settings.data}
            value={current.general}
            errors={errors.settings}
            onChange={(general) => edit((d) => ({ ...d, general }))}
          />
          {multi ? (
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, xl: 5 }}>
                <RoutingGrid
                  targets={sortedTargets}
                  types={current.types}
                  selected={selected}
                  onSelect={setSelected}
                  onRoute={(type, target, on) =>
                    edit((d) => ({
                      ...d,
                      types: {
                        ...d.types,
                        [type]: setRouted(d.types[type], base.types[type], target, on, sortedTargets),
                      },
                    }))
                  }
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 7 }}>{typeCard(selected)}</Grid.Col>
            </Grid>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="md">
                {t('notificationsPage.routing.legacyNote')}
              </Text>
              {NOTIFICATION_TYPES.map(typeCard)}
            </>
          )}
          {count > 0 && <UnsavedBar count={count} saving={saving} onSave={() => void save()} onDiscard={discard} />}
        </>
      )}
    </>
  );
}
