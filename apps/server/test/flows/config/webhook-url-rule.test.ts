import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

// One rule for a webhook URL (core `webhookUrlProblem`), through both doors: a target's URL and a
// legacy URL in Settings. Nothing here connects anywhere: the URLs are judged on the way in.
let h: TestHerald;
beforeAll(async () => {
  h = await startTestHerald();
});
afterAll(async () => {
  await h?.close();
});

const call = (procedure: string, input: unknown) => h.api(procedure, input, { token: TEST_ADMIN_TOKEN });
const createTarget = (providerType: string, webhookUrl: string) =>
  call('targets.create', {
    name: `Rule ${providerType}`,
    providerType,
    webhookUrl,
    ...(providerType === 'custom' ? { customTemplate: { text: '{{title}}' } } : {}),
  });
const setLegacy = (url: string) => call('settings.update', { useLegacyMode: true, costAlertWebhook: url });

type Issue = { path: string; message: string; code?: string; params?: Record<string, unknown> };
const onlyIssue = (body: { error: { data: { issues: Issue[] } } }) => {
  expect(body.error.data.issues).toHaveLength(1);
  return body.error.data.issues[0] as Issue;
};

describe('the webhook URL rule, for targets and legacy URLs alike', () => {
  it.each([
    ['wechat', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', 'url.https_required'],
    ['dingtalk', 'http://OAPI.dingtalk.com/robot/send?access_token=t1', 'url.https_required'],
    ['feishu', 'http://open.larksuite.com/open-apis/bot/v2/hook/h1', 'url.https_required'],
    ['feishu', 'https://user:pw@open.feishu.cn/open-apis/bot/v2/hook/h1', 'url.credentials'],
    ['wechat', 'ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', 'url.scheme'],
    ['wechat', 'qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', 'url.invalid'],
  ])(
    'a %s URL %s is refused by both with the same code and message (%s), and nothing is stored',
    async (type, url, code) => {
      const target = await createTarget(type, url);
      const legacy = await setLegacy(url);
      expect([target.status, legacy.status]).toEqual([400, 400]);
      const fromTarget = onlyIssue(target.body);
      const fromLegacy = onlyIssue(legacy.body);
      expect(fromTarget).toMatchObject({ path: 'webhookUrl', code });
      expect(fromLegacy).toMatchObject({ path: 'costAlertWebhook', code });
      expect(fromLegacy.message).toBe(fromTarget.message);
      expect(fromLegacy.params).toEqual(fromTarget.params);

      expect(await h.db.selectFrom('target').select('id').execute()).toEqual([]);
      const settings = (await call('settings.get', undefined)).body.result.data;
      expect(settings.costAlertWebhook.set).toBe(false);
    },
  );

  it('the https refusal names the host, lower-cased, in both answers', async () => {
    const url = 'http://OAPI.dingtalk.com/robot/send?access_token=t1';
    const issues = [onlyIssue((await createTarget('dingtalk', url)).body), onlyIssue((await setLegacy(url)).body)];
    for (const issue of issues) {
      expect(issue).toMatchObject({
        code: 'url.https_required',
        message: 'a platform webhook URL must use https',
        params: { host: 'oapi.dingtalk.com' },
      });
    }
  });

  it.each([
    ['wechat', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k2'],
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t2'],
    ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/h2'],
  ])('a %s URL over https (%s) is accepted by both', async (type, url) => {
    const target = await createTarget(type, url);
    const legacy = await setLegacy(url);
    expect([target.status, legacy.status]).toEqual([200, 200]);
    const settings = (await call('settings.get', undefined)).body.result.data;
    expect(settings.costAlertWebhook).toMatchObject({ set: true, channel: type });
    await call('targets.delete', { id: target.body.result.data.id });
  });

  it('http stays allowed on any other host for a target; legacy mode refuses that host for not being a platform, not for http', async () => {
    const url = 'http://127.0.0.1:8080/hook';
    const target = await createTarget('custom', url);
    expect(target.status).toBe(200);
    const legacy = await setLegacy(url);
    expect(legacy.status).toBe(400);
    expect(onlyIssue(legacy.body)).toMatchObject({ code: 'url.unknown_platform', params: { host: '127.0.0.1' } });
  });
});
