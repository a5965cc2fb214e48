/** `&`, `<`, `>` (and `"` when asked) as HTML entities: Telegram HTML and DingTalk markdown. */
export function escapeHtml(value: string, quotes = false): string {
  const out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return quotes ? out.replace(/"/g, '&quot;') : out;
}
