import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assertCanWrite, type Actor, toActor } from '../../src/platform/actor.js';
import { AppError, registerErrorHandling } from '../../src/platform/errors.js';

// The one error handler, on a bare Fastify instance with routes that fail in each way.
const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
beforeAll(async () => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.get('/things/:id', { schema: { params: z.object({ id: z.uuid() }) } }, async () => ({ ok: true }));
  app.post('/things', { schema: { body: z.object({ name: z.string().min(2), tags: z.array(z.string()).max(1) }) } }, async () => ({
    ok: true,
  }));
  app.get('/unique', async () => {
    throw Object.assign(new Error('Failed query'), {
      cause: Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: '23505' }),
    });
  });
  app.get('/bad-uuid', async () => {
    throw Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
  });
  app.get('/forbidden', async () => {
    throw new AppError('FORBIDDEN', 'Only admins may do that');
  });
  app.get('/limited', async () => {
    throw new AppError('RATE_LIMITED', 'Slow down', undefined, { 'retry-after': '42' });
  });
  await app.ready();
});
afterAll(() => app.close());

describe('error handler', () => {
  it('answers a malformed id in the path as 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/things/not-a-uuid' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('answers body validation with 400 and every field path', async () => {
    const response = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x', tags: ['a', 'b'] } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = (response.json().errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['name', 'tags']);
  });

  it('maps a unique violation wrapped by the ORM to 409 without leaking the constraint', async () => {
    const response = await app.inject({ method: 'GET', url: '/unique' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CONFLICT');
    expect(response.body).not.toContain('users_email_unique');
  });

  it('maps an invalid uuid that reached the database to 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/bad-uuid' })).statusCode).toBe(404);
  });

  it('answers AppErrors with their status, code and headers', async () => {
    const forbidden = await app.inject({ method: 'GET', url: '/forbidden' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN', detail: 'Only admins may do that', title: 'Forbidden' });
    const limited = await app.inject({ method: 'GET', url: '/limited' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('42');
  });
});

describe('write permission of unverified accounts', () => {
  const actor = (emailVerified: boolean, ageDays: number, organizationStatus: 'active' | 'suspended' = 'active'): Actor =>
    toActor({
      userId: '00000000-0000-4000-8000-000000000001',
      sessionId: '00000000-0000-4000-8000-000000000002',
      email: 'a@example.com',
      emailVerified,
      platformRole: 'member',
      status: 'active',
      createdAt: new Date(Date.now() - ageDays * 86_400_000),
      membership: { organizationId: '00000000-0000-4000-8000-000000000003', role: 'member', organizationStatus },
    });

  it('lets an unverified account write for 7 days, then asks for verification', () => {
    expect(() => assertCanWrite(actor(false, 6.9))).not.toThrow();
    expect(() => assertCanWrite(actor(false, 7.1))).toThrow(expect.objectContaining({ code: 'EMAIL_NOT_VERIFIED', status: 403 }));
    expect(() => assertCanWrite(actor(true, 400))).not.toThrow();
  });

  it('refuses every write of a suspended organization, verified or not', () => {
    expect(() => assertCanWrite(actor(true, 1, 'suspended'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
  });
});
