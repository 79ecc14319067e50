import { describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../src/lib/api-client.js';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    }),
  );
}

describe('api client', () => {
  it('returns the parsed JSON of a success and sends JSON with the cookie', async () => {
    const fetchMock = respond(200, { id: 1 });
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ id: 1 });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"a":1}');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('turns problem+json into an ApiError keyed by code, with field errors and request id', async () => {
    respond(400, {
      type: 't',
      title: 'Bad Request',
      status: 400,
      code: 'VALIDATION_FAILED',
      requestId: 'req-1',
      detail: 'The request is not valid',
      errors: [{ path: 'password', code: 'PASSWORD_TOO_COMMON', message: 'x' }],
    });
    const error = await api.post('/api/auth/sign-up/email', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.requestId).toBe('req-1');
    expect(e.fieldError('password')?.code).toBe('PASSWORD_TOO_COMMON');
    expect(e.fieldError('email')).toBeUndefined();
  });

  it('reads Retry-After on 429', async () => {
    respond(429, { type: 't', title: 'Too Many Requests', status: 429, code: 'RATE_LIMITED', requestId: 'r' }, { 'retry-after': '37' });
    const e = (await api.post('/api/auth/sign-in/email', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.retryAfterSeconds).toBe(37);
  });

  it('maps a non-problem server failure and a network failure to stable codes', async () => {
    respond(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' });
    expect(((await api.get('/api/v1/users/me').catch((x: unknown) => x)) as ApiError).code).toBe('INTERNAL');
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const offline = (await api.get('/api/v1/users/me').catch((x: unknown) => x)) as ApiError;
    expect(offline.code).toBe('NETWORK_ERROR');
    expect(offline.status).toBe(0);
  });

  it('accepts an empty 204', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.delete('/api/v1/users/me/sessions/1')).resolves.toBeUndefined();
  });
});

describe('field error messages', () => {
  it('names the minimum length of a too-short text, and keeps "required" for an empty one', async () => {
    const { initI18n } = await import('../src/app/i18n.js');
    const i18n = await import('i18next');
    initI18n('en');
    const { fieldErrorMessage, zodIssues } = await import('../src/lib/form-errors.js');
    const { z } = await import('zod');
    const parsed = z.object({ title: z.string().min(5), body: z.string().min(1) }).safeParse({ title: 'Hi', body: '' });
    const issues = zodIssues(parsed.success ? [] : parsed.error.issues);
    expect(issues.map((issue) => fieldErrorMessage(i18n.default.t, issue))).toEqual([
      'Use at least 5 characters.',
      'This field is required.',
    ]);
  });
});
