import { Group, Stack, Textarea } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomPreview } from '../components/custom-preview.tsx';
import { decorative } from '../components/icons.tsx';
import { ClearButton, ClearedNote } from '../components/secret-input.tsx';
import { TemplateEditor } from '../components/template-editor.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { parseTemplate, templateProblems } from './field-values.ts';
import { CustomBodyPreview } from './previews/custom.tsx';
import type { ChannelFieldsProps, ChannelUi, FieldText } from './types.ts';

/** The body a new custom target starts with: every message's main parts. */
export const DEFAULT_TEMPLATE = {
  title: '{{title}}',
  level: '{{level}}',
  content: '{{sections}}',
  type: '{{notification_type}}',
  timestamp: '{{timestamp}}',
};

const HEADERS_PLACEHOLDER = 'X-Api-Key: …';

/** The webhook address, the body template with its live preview, headers kept as secrets, and signing. */
function CustomFields({ values, set, cleared, setCleared, errors, target, field }: ChannelFieldsProps) {
  const { t, i18n } = useTranslation();
  const text = customUi.text[currentLanguage(i18n.resolvedLanguage ?? i18n.language)].fields;
  const templateText = values.customTemplate ?? '';
  const parsed = useMemo(() => parseTemplate(templateText), [templateText]);
  const template = 'template' in parsed ? parsed.template : null;
  const problems = useMemo(() => (template ? templateProblems(template) : []), [template]);
  return (
    <>
      {field('webhookUrl')}
      <TemplateEditor
        label={text.customTemplate.label}
        description={text.customTemplate.description}
        value={templateText}
        onChange={(v) => set('customTemplate', v)}
        error={
          errors.customTemplate ??
          ('error' in parsed ? t('targets.form.invalidJson', { message: parsed.error }) : undefined)
        }
        problems={problems}
      />
      <CustomPreview template={problems.length === 0 ? template : null} />
      <HeadersInput
        text={text.customHeaders}
        value={values.customHeaders ?? ''}
        onChange={(v) => set('customHeaders', v)}
        error={errors.customHeaders}
        storedNames={target?.customHeaders ? Object.keys(target.customHeaders) : []}
        cleared={cleared.customHeaders === true}
        onClearedChange={(c) => setCleared('customHeaders', c)}
      />
      {field('signingSecret')}
    </>
  );
}

/** "Name: value" lines; on edit the stored names are shown, the values never. */
function HeadersInput(props: {
  text: FieldText;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  storedNames: string[];
  cleared: boolean;
  onClearedChange: (cleared: boolean) => void;
}) {
  const { t } = useTranslation();
  const { text, storedNames, cleared } = props;
  return (
    <Stack gap={0}>
      <Textarea
        label={text.label}
        description={text.description}
        placeholder={
          storedNames.length > 0 && !cleared
            ? t('targets.form.customHeadersSet', { names: storedNames.join(', ') })
            : text.placeholder
        }
        autosize
        minRows={2}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
        disabled={cleared}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {storedNames.length > 0 && (
        <Group gap="xs">
          <ClearButton
            size="xs"
            label={text.label}
            cleared={cleared}
            onChange={(c) => {
              props.onChange('');
              props.onClearedChange(c);
            }}
          />
          {cleared && <ClearedNote />}
        </Group>
      )}
    </Stack>
  );
}

/** Any HTTP endpoint: the admin writes the JSON body. */
export const customUi: ChannelUi<'custom'> = {
  text: {
    'zh-CN': {
      name: '自定义 Webhook',
      fields: {
        webhookUrl: { label: 'Webhook 地址', description: 'Herald 发送请求体的地址。' },
        customTemplate: {
          label: '请求体模板（JSON）',
          description: 'JSON 对象，字符串中可包含占位符；可从菜单中插入。',
        },
        customHeaders: {
          label: '请求头',
          description: '每行一个，格式为 名称: 值。请求头的值按密钥保存。',
          placeholder: HEADERS_PLACEHOLDER,
        },
        signingSecret: {
          label: 'Standard Webhooks 签名密钥',
          description: '可选：whsec_ 加 base64；填写后请求将被签名。',
          invalid: '应为 whsec_ 加 base64。',
        },
      },
    },
    'zh-TW': {
      name: '自訂 Webhook',
      fields: {
        webhookUrl: { label: 'Webhook 網址', description: 'Herald 傳送本文的網址。' },
        customTemplate: {
          label: '本文範本（JSON）',
          description: 'JSON 物件，字串中可包含預留位置；可從選單插入。',
        },
        customHeaders: {
          label: '標頭',
          description: '每行一個，格式為 名稱: 值。標頭的值會以密鑰方式儲存。',
          placeholder: HEADERS_PLACEHOLDER,
        },
        signingSecret: {
          label: 'Standard Webhooks 簽章密鑰',
          description: '選填：whsec_ 加上 base64；填寫後請求會加上簽章。',
          invalid: '應為 whsec_ 加上 base64。',
        },
      },
    },
    en: {
      name: 'Custom webhook',
      fields: {
        webhookUrl: { label: 'Webhook URL', description: 'The address Herald posts the body to.' },
        customTemplate: {
          label: 'Body template (JSON)',
          description: 'A JSON object whose strings may hold placeholders; insert them from the menu.',
        },
        customHeaders: {
          label: 'Headers',
          description: 'One per line as Name: value. Header values are stored as secrets.',
          placeholder: HEADERS_PLACEHOLDER,
        },
        signingSecret: {
          label: 'Standard Webhooks signing secret',
          description: 'Optional: whsec_ followed by base64; requests are then signed.',
          invalid: 'Must be whsec_ followed by base64.',
        },
      },
    },
    ja: {
      name: 'カスタム Webhook',
      fields: {
        webhookUrl: { label: 'Webhook URL', description: 'Herald が本文を POST する宛先の URL です。' },
        customTemplate: {
          label: '本文テンプレート（JSON）',
          description: '文字列にプレースホルダーを含められる JSON オブジェクトです。メニューから挿入できます。',
        },
        customHeaders: {
          label: 'ヘッダー',
          description: '1 行に 1 つ、「名前: 値」の形式で入力します。ヘッダーの値はシークレットとして保存されます。',
          placeholder: HEADERS_PLACEHOLDER,
        },
        signingSecret: {
          label: 'Standard Webhooks 署名シークレット',
          description: '任意：whsec_ に続けて base64。入力するとリクエストに署名します。',
          invalid: 'whsec_ に続けて base64 を入力してください。',
        },
      },
    },
    ru: {
      name: 'Свой вебхук',
      fields: {
        webhookUrl: { label: 'URL вебхука', description: 'Адрес, на который Herald отправляет тело запроса.' },
        customTemplate: {
          label: 'Шаблон тела (JSON)',
          description: 'JSON-объект; в строках можно использовать переменные — вставьте их из меню.',
        },
        customHeaders: {
          label: 'Заголовки',
          description: 'По одному в строке в виде Имя: значение. Значения хранятся как секреты.',
          placeholder: HEADERS_PLACEHOLDER,
        },
        signingSecret: {
          label: 'Секрет подписи Standard Webhooks',
          description: 'Необязательно: whsec_ и base64; тогда запросы подписываются.',
          invalid: 'Должен начинаться с whsec_, затем base64.',
        },
      },
    },
  },
  icon: decorative(IconWebhook),
  color: 'gray',
  Preview: CustomBodyPreview,
  Fields: CustomFields,
  defaults: { customTemplate: JSON.stringify(DEFAULT_TEMPLATE, null, 2) },
};
