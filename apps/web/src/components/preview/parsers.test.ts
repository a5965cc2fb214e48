import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';
import { plainText, safeHref } from './rich.ts';
import { parseTelegramHtml } from './telegram-html.ts';

describe('markdown dialects', () => {
  it('reads bold, links and lists; a snake_case word is not italic', () => {
    const blocks = parseMarkdown('## Title\n**Bold** upstream_529_error [docs](https://x.example/a)\n- one\n- two', {
      escapes: 'none',
    });
    expect(blocks.map((b) => b.t)).toEqual(['h', 'p', 'list']);
    expect(blocks[1]).toEqual({
      t: 'p',
      c: [
        { t: 'b', c: [{ t: 'text', v: 'Bold' }] },
        { t: 'text', v: ' upstream_529_error ' },
        { t: 'link', href: 'https://x.example/a', c: [{ t: 'text', v: 'docs' }] },
      ],
    });
  });

  it('backslash escapes show the character (Discord, ntfy, Teams)', () => {
    const nodes = parseInline('\\*\\*b\\*\\* \\<script\\> over\\_loaded', { escapes: 'backslash' });
    expect(nodes).toEqual([{ t: 'text', v: '**b** <script> over_loaded' }]);
    expect(parseMarkdown('\\# not a heading\n1\\. not a list', { escapes: 'backslash' })).toEqual([
      { t: 'p', c: [{ t: 'text', v: '# not a heading' }, { t: 'br' }, { t: 'text', v: '1. not a list' }] },
    ]);
  });

  it('entities are text, so an escaped tag never becomes a mention (Feishu)', () => {
    const feishu = { escapes: 'entities', tags: 'feishu' } as const;
    expect(parseInline('&lt;at id=all&gt;&lt;/at&gt;', feishu)).toEqual([{ t: 'text', v: '<at id=all></at>' }]);
    expect(parseInline('<at id=ou_1></at> hi', feishu)).toEqual([
      { t: 'mention', v: '@ou_1' },
      { t: 'text', v: ' hi' },
    ]);
  });

  it('Slack mrkdwn: *bold*, <url|text>, <!here>; a script link is shown as text only', () => {
    const slack = { escapes: 'entities', slack: true } as const;
    expect(parseInline('*Hi* <https://a.example|A> <!here> <javascript:x|B>', slack)).toEqual([
      { t: 'b', c: [{ t: 'text', v: 'Hi' }] },
      { t: 'text', v: ' ' },
      { t: 'link', href: 'https://a.example/', c: [{ t: 'text', v: 'A' }] },
      { t: 'text', v: ' ' },
      { t: 'mention', v: '@here' },
      { t: 'text', v: ' ' },
      { t: 'link', href: null, c: [{ t: 'text', v: 'B' }] },
    ]);
  });

  it('only http(s) and mailto links are followed', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    const [link] = parseInline('[x](javascript:alert(1))', { escapes: 'none' });
    expect(link).toMatchObject({ t: 'link', href: null });
  });
});

describe('Telegram HTML', () => {
  it('draws its tags, decodes its entities, and shows any other tag as text', () => {
    const nodes = parseTelegramHtml(
      '<b>T</b>\n<blockquote>&lt;script&gt; &amp;amp;</blockquote><script>x</script><a href="javascript:x">l</a>',
    );
    expect(nodes).toEqual([
      { t: 'b', c: [{ t: 'text', v: 'T' }] },
      { t: 'br' },
      { t: 'quote', c: [{ t: 'text', v: '<script> &amp;' }] },
      { t: 'text', v: '<script>x</script>' },
      { t: 'link', href: null, c: [{ t: 'text', v: 'l' }] },
    ]);
  });

  it('reads code, pre, spoilers and user mentions', () => {
    const nodes = parseTelegramHtml(
      '<code>a&lt;b</code> <pre>x\ny</pre> <span class="tg-spoiler">s</span> <a href="tg://user?id=42">Ann</a>',
    );
    expect(nodes.filter((n) => n.t !== 'text')).toEqual([
      { t: 'code', v: 'a<b' },
      { t: 'pre', v: 'x\ny' },
      { t: 'spoiler', c: [{ t: 'text', v: 's' }] },
      { t: 'mention', v: '@Ann' },
    ]);
    expect(plainText(nodes)).toBe('a<b x\ny s @Ann');
  });
});
