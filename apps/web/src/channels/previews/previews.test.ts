import {
  CHANNEL_TYPES,
  type ChannelType,
  channelOf,
  type Locale,
  NOTIFICATION_TYPES,
  type NotificationType,
  renderNotification,
  sampleData,
} from '@herald/core';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { MessagePreview } from '../../components/message-preview.tsx';
import { resources } from '../../i18n/resources.ts';
import { channelUi } from '../index.ts';

const NOW = new Date('2026-12-06T08:00:00Z');
const LINKS = { publicUrl: 'https://herald.example.com' };

/** Hostile text in a value: markup, markdown, a Feishu mention tag, a script link, an entity. */
const HOSTILE = '<script>alert(1)</script> **b** <at id=all></at> [x](javascript:alert(1)) &amp; <@123>';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ resources, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });

/** Server-side markup of a tree inside the dashboard's providers (no DOM needed). */
function markup(node: ReactNode, lng: Locale = 'en'): string {
  void i18n.changeLanguage(lng);
  const client = new QueryClient();
  return renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(QueryClientProvider, { client }, createElement(I18nextProvider, { i18n }, node)),
    ),
  );
}

/** What a reader sees: the markup's text with its entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function render(type: NotificationType, channel: ChannelType, locale: Locale, data = sampleData(type, NOW)) {
  return renderNotification({
    type,
    data,
    channel,
    locale,
    timezone: 'Asia/Shanghai',
    now: NOW,
    config: channelOf(channel).previewConfig,
    links: LINKS,
  });
}

function preview(channel: ChannelType, body: unknown, locale: Locale = 'en'): string {
  return markup(createElement(MessagePreview, { channel, body, locale }), locale);
}

const DRAWN = CHANNEL_TYPES.filter((c) => c !== 'custom');

describe('message previews from real rendered bodies', () => {
  it('every channel has a preview', () => {
    for (const channel of CHANNEL_TYPES) expect(channelUi(channel).Preview, channel).toBeDefined();
  });

  for (const channel of DRAWN) {
    it(`${channel}: every type in en and zh-CN is drawn (not the JSON), with its title and field values`, () => {
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const type of NOTIFICATION_TYPES) {
          const rendered = render(type, channel, locale);
          const html = preview(channel, rendered.body, locale);
          const label = `${channel} ${type} ${locale}`;
          expect(html, label).toContain('data-testid="message-preview-frame"');
          expect(html, label).not.toContain('{\n');
          // The email's body is in its sandboxed frame; its subject is drawn.
          const text = channel === 'email' ? html : visible(html);
          expect(text, label).toContain(rendered.message.title.replace(/&/g, channel === 'email' ? '&amp;' : '&'));
          if (channel === 'email') continue;
          const values = rendered.message.sections
            .flatMap((s) => s.blocks)
            .flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => f.value) : []));
          for (const value of values.slice(0, 3)) expect(text, `${label}: ${value}`).toContain(value);
          expect(text, label).not.toMatch(/\\[_*[\]()<>#-]/); // escapes are read, not shown
          // The platform's own markup is read, not shown: no tags, bold markers, headings or quotes.
          expect(text, label).not.toMatch(/<\/?[a-z][^>]*>|\*\*|\*[^*\s][^*\n]*\*|^#{1,6} |^> |\]\(http/m);
        }
      }
    });
  }

  it('labels the preview with the message language, in the UI language', () => {
    const body = render('circuit_breaker', 'wechat', 'zh-CN').body;
    expect(visible(preview('wechat', body, 'zh-CN'))).toContain('消息语言：简体中文');
    expect(visible(preview('wechat', render('circuit_breaker', 'wechat', 'en').body, 'en'))).toContain(
      'Message language: English',
    );
  });

  it('custom shows the JSON the server posts', () => {
    const rendered = render('circuit_breaker', 'custom', 'en');
    const html = preview('custom', rendered.body);
    expect(visible(html)).toContain('"title": "Provider circuit breaker alert"');
    expect(html).toContain('aria-label="Request body (JSON)"');
  });

  it('a body the preview cannot read shows as JSON', () => {
    const html = preview('feishu', { msg_type: 'unknown', oops: 1 });
    expect(visible(html)).toContain('"oops": 1');
    expect(html).not.toContain('data-testid="message-preview-frame"');
  });
});

describe('hostile values stay text', () => {
  const data = { ...(sampleData('circuit_breaker', NOW) as object), providerName: HOSTILE };

  for (const channel of CHANNEL_TYPES) {
    it(`${channel}: no tag, script link or mention comes from a value`, () => {
      const html = preview(channel, render('circuit_breaker', channel, 'en', data).body);
      expect(html).not.toMatch(/<script|<at[\s>]/i);
      expect(html).not.toContain('javascript:alert(1)"');
      expect(html).not.toMatch(/href="javascript/i);
      expect(html).not.toContain('data-mention');
      if (channel === 'email') {
        // The HTML part goes only into a frame that runs nothing.
        expect(html).toMatch(/<iframe[^>]*sandbox=""/);
        // In the frame's document the value is escaped text (&lt;script&gt;), never a script element.
        expect(html).toContain('&amp;lt;script&amp;gt;alert(1)');
        expect(html).not.toContain('&lt;script&gt;alert');
        return;
      }
      const text = visible(html);
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('<at id=all></at>');
    });
  }

  it('markdown in a value is shown as typed where the platform escapes it', () => {
    for (const channel of ['discord', 'teams', 'ntfy', 'telegram', 'feishu', 'slack'] as const) {
      const html = preview(channel, render('circuit_breaker', channel, 'en', data).body);
      expect(visible(html), channel).toMatch(channel === 'slack' || channel === 'feishu' ? /b/ : /\*\*b\*\*/);
    }
    // DingTalk and WeCom read markdown in values (neither has an escape): bold, as their apps show it.
    const wechat = preview('wechat', render('circuit_breaker', 'wechat', 'en', data).body);
    expect(wechat).toContain('<strong>b</strong>');
  });

  it('mentions the binding asks for are drawn as mentions', () => {
    const feishu = renderNotification({
      type: 'circuit_breaker',
      data,
      channel: 'feishu',
      locale: 'en',
      timezone: 'UTC',
      now: NOW,
      mentions: { people: ['all'], levels: null },
    });
    expect(visible(preview('feishu', feishu.body))).toContain('@all');
    expect(preview('feishu', feishu.body)).toContain('data-mention');
  });
});
