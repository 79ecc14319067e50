import { randomBytes } from 'node:crypto';
import http from 'node:http';

/** An answer read to its last byte. */
export interface HttpAnswer {
  status: number;
  body: Buffer;
}

/**
 * The request never got an answer. `unsent` when the server certainly never saw it (the connection
 * was refused: nothing listened), otherwise it may or may not have been processed.
 */
export class ConnectionFailure extends Error {
  constructor(
    readonly code: string,
    readonly unsent: boolean,
  ) {
    super(`connection failed (${code})`);
    this.name = 'ConnectionFailure';
  }
}

export interface MultipartPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

export interface RequestOptions {
  json?: unknown;
  multipart?: MultipartPart[];
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One browser-like client: its own loopback address (127.0.0.N, so per-IP limits see separate
 * clients), its own keep-alive connections and cookie jar, and the Origin header the server's
 * cookie-authenticated writes require.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly cookies = new Map<string, string>();
  private readonly url: URL;

  constructor(
    readonly baseUrl: string,
    readonly localAddress: string,
  ) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  get hasSession(): boolean {
    return this.cookies.size > 0;
  }

  get(path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    return this.request('GET', path, options);
  }

  post(path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    return this.request('POST', path, options);
  }

  delete(path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    return this.request('DELETE', path, options);
  }

  /** Resolves with any answer (2xx to 5xx); rejects with ConnectionFailure when none came. */
  request(method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { origin: this.baseUrl, accept: 'application/json' };
    let payload: Buffer | undefined;
    if (options.json !== undefined) {
      payload = Buffer.from(JSON.stringify(options.json));
      headers['content-type'] = 'application/json';
    } else if (options.multipart) {
      const boundary = `----reliability${randomBytes(12).toString('hex')}`;
      payload = encodeMultipart(options.multipart, boundary);
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    }
    if (payload) headers['content-length'] = String(payload.length);
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

    return new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        reject(new ConnectionFailure(code, code === 'ECONNREFUSED'));
      };
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers,
          agent: this.agent,
          localAddress: this.localAddress,
          timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('close', () => {
            if (!response.complete) fail(Object.assign(new Error('response cut off'), { code: 'ECONNRESET' }));
          });
          response.on('end', () => {
            if (settled) return;
            settled = true;
            this.keepCookies(response.headers['set-cookie']);
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
          });
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      request.on('error', fail);
      request.end(payload);
    });
  }

  /** Closes the idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private keepCookies(setCookies: string[] | undefined): void {
    for (const header of setCookies ?? []) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The answer's body as JSON of the expected shape (the API's contracts; not validated here). */
export function jsonOf<T>(answer: HttpAnswer): T {
  return JSON.parse(answer.body.toString('utf8')) as T;
}

/** A 2xx answer's JSON, or an error naming the request and the answer. */
export function expectOk<T>(answer: HttpAnswer, what: string): T {
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${what} answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 500)}`);
  }
  return answer.body.length === 0 ? (undefined as T) : jsonOf<T>(answer);
}

function encodeMultipart(parts: MultipartPart[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), typeof part.value === 'string' ? Buffer.from(part.value) : part.value, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
