import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

export interface RequestOptions {
  /** A JSON value (serialised here: JSON.stringify escapes lone surrogates as \ud800) or raw text. */
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** A loopback source address (127.0.0.2, …): per-IP rate limits see another client. */
  localAddress?: string;
  timeoutMs?: number;
}

/**
 * One HTTP request to the server under test, over node:http so that the source address can be
 * chosen. Every request carries Origin: the server's own address, as a browser on the app would.
 */
export function send(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = { accept: 'application/json', origin: baseUrl, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let payload: Buffer | undefined;
  if (options.rawBody !== undefined) payload = Buffer.from(options.rawBody, 'utf8');
  else if (options.body !== undefined) payload = Buffer.from(JSON.stringify(options.body), 'utf8');
  if (payload) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        localAddress: options.localAddress,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** The name=value pairs of a response's Set-Cookie headers, joined for a Cookie header. */
export function cookiesOf(response: HttpResponse): string {
  return (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
}

export function isProblem(response: HttpResponse): boolean {
  return String(response.headers['content-type'] ?? '').startsWith('application/problem+json');
}

export interface FieldErrorLike {
  path: string;
  message?: string;
  code?: string;
}

export function problemErrors(response: HttpResponse): FieldErrorLike[] {
  const body = response.json as { errors?: unknown } | undefined;
  if (!body || !Array.isArray(body.errors)) return [];
  return body.errors.filter((e): e is FieldErrorLike => typeof (e as FieldErrorLike)?.path === 'string');
}

/** Runs tasks with at most `limit` at a time, in order of the input. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
