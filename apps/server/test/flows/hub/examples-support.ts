/**
 * Running the hub guide's examples (docs/examples) as a hub would: a real process talking HTTP to
 * a real Herald, optionally through a scripted front proxy that plays Herald being down or an
 * answer being lost on the way back.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../../..');

export type ExampleRun = { code: number; stdout: string; stderr: string; lines: Array<Record<string, unknown>> };

/** Runs a command to its end (no .pyc files left in the repo); each stdout line that is JSON is parsed into `lines`. */
export function runExample(cmd: string, args: string[], env: Record<string, string>): Promise<ExampleRun> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', PYTHONDONTWRITEBYTECODE: '1', ...env },
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(new Error(`${cmd} did not run: ${error.message}`));
        const lines = stdout.split('\n').flatMap((l) => {
          try {
            return l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : [];
          } catch {
            return [{ unparsed: l }];
          }
        });
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr, lines });
      },
    );
  });
}

/** What the proxy does with one request: pass it on, answer it itself, or pass it on and lose the answer. */
export type ProxyAction =
  | 'forward'
  | 'forward-and-lose-answer'
  | { status: number; body: string; headers?: Record<string, string> };

export type FrontProxy = Awaited<ReturnType<typeof startFrontProxy>>;

/**
 * A proxy on 127.0.0.1 in front of Herald. Requests take their action from the procedure's
 * script, in order, then from `fallback` ('forward' unless set); `seen` lists every request's procedure.
 */
export async function startFrontProxy(target: string) {
  const scripts = new Map<string, ProxyAction[]>();
  const seen: string[] = [];
  let fallback: ProxyAction = 'forward';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const procedure = (req.url ?? '').replace(/^\/trpc\//, '').split('?')[0] ?? '';
    seen.push(procedure);
    const action = scripts.get(procedure)?.shift() ?? fallback;
    if (typeof action === 'object') {
      res.writeHead(action.status, { 'content-type': 'application/json', ...action.headers });
      res.end(action.body);
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const text = await upstream.text();
    if (action === 'forward-and-lose-answer') {
      // Herald did the work; the hub only sees a gateway error, as when a connection drops late.
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    const out: Record<string, string> = { 'content-type': upstream.headers.get('content-type') ?? 'application/json' };
    const retryAfter = upstream.headers.get('retry-after');
    if (retryAfter) out['retry-after'] = retryAfter;
    res.writeHead(upstream.status, out);
    res.end(text);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`proxy failed: ${err.message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    script(procedure: string, actions: ProxyAction[]) {
      scripts.set(procedure, [...actions]);
    },
    /** What requests without a scripted action get. */
    otherwise(action: ProxyAction) {
      fallback = action;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Herald's own answer for "unavailable, try again", as its error handler writes it. */
export const UNAVAILABLE_ANSWER: ProxyAction = {
  status: 503,
  headers: { 'retry-after': '0' },
  body: JSON.stringify({
    error: {
      message: 'Herald is restarting',
      code: -32603,
      data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, herald: { code: 'UNAVAILABLE', retryable: true } },
    },
  }),
};
