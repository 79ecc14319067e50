import { createServer, request as httpRequest, type Server } from 'node:http';

export interface ProxyStats {
  requests: number;
  byStatus: Record<string, number>;
  /** Requests the server answered with 5xx: method, path and status (at most 50 kept). */
  serverErrors: Array<{ method: string; url: string; status: number }>;
  serverErrorCount: number;
}

export interface CountingProxy {
  url: string;
  stats: ProxyStats;
  reset(): ProxyStats;
  close(): Promise<void>;
}

/**
 * A forward proxy on 127.0.0.1 for the attack tools. It forwards only to the server under test
 * (anything else is refused with 502, so a tool can never reach another host through it), counts
 * the requests and their statuses, records 5xx answers, and blanks the fields of an answer that
 * change on every request (`tookMs`, `requestId`, an export's `exportedAt`): without that, sqlmap sees every page as
 * "not stable" and compares by similarity ratio, which ends its tests early on a false lead.
 */
export async function startProxy(target: string): Promise<CountingProxy> {
  const targetUrl = new URL(target);
  const fresh = (): ProxyStats => ({ requests: 0, byStatus: {}, serverErrors: [], serverErrorCount: 0 });
  let stats = fresh();
  const server: Server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', target);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.host !== targetUrl.host) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('only the server under test is reachable through this proxy');
      return;
    }
    stats.requests += 1;
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: targetUrl.host };
    delete headers['proxy-connection'];
    delete headers['accept-encoding'];
    const upstream = httpRequest(
      { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: `${url.pathname}${url.search}`, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const status = answer.statusCode ?? 0;
          stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
          if (status >= 500) {
            stats.serverErrorCount += 1;
            if (stats.serverErrors.length < 50)
              stats.serverErrors.push({ method: req.method ?? '', url: `${url.pathname}${url.search}`, status });
          }
          let body = Buffer.concat(chunks);
          const type = String(answer.headers['content-type'] ?? '');
          if (type.includes('json')) {
            body = Buffer.from(
              body
                .toString('utf8')
                .replace(/"tookMs":[0-9.e+-]+/g, '"tookMs":0')
                .replace(/"requestId":"[^"]*"/g, '"requestId":""')
                .replace(/"(exportedAt|generatedAt)":"[^"]*"/g, '"$1":""'),
              'utf8',
            );
          }
          const outHeaders: Record<string, string | string[] | undefined> = { ...answer.headers, 'content-length': String(body.length) };
          delete outHeaders['x-request-id'];
          delete outHeaders['transfer-encoding'];
          res.writeHead(status, outHeaders).end(body);
        });
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get stats() {
      return stats;
    },
    reset() {
      const previous = stats;
      stats = fresh();
      return previous;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
