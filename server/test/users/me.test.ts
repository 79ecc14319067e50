import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('PATCH /api/v1/users/me', () => {
  it('edits my own profile and language, and keeps the display name in step', async () => {
    const { client } = await signUp(t.app);
    const response = await client.request({
      method: 'PATCH',
      url: '/api/v1/users/me',
      body: {
        firstName: 'Hessa',
        jobTitle: 'Reliability Engineer',
        department: 'Maintenance',
        phone: '+966 55 123 4567',
        bio: 'Vibration analysis',
        language: 'ar',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      firstName: 'Hessa',
      name: 'Hessa Al-Otaibi',
      jobTitle: 'Reliability Engineer',
      language: 'ar',
      phone: '+966 55 123 4567',
    });
    expect((await client.get('/api/v1/users/me')).json().language).toBe('ar');
    const cleared = await client.request({ method: 'PATCH', url: '/api/v1/users/me', body: { bio: null } });
    expect(cleared.json().bio).toBeNull();
  });

  it('refuses fields that are not self-editable and bad values, naming the field', async () => {
    const { client } = await signUp(t.app);
    for (const body of [{ email: 'new@example.com' }, { platformRole: 'superadmin' }, { status: 'active' }, { orgRole: 'admin' }]) {
      const response = await client.request({ method: 'PATCH', url: '/api/v1/users/me', body });
      expectProblem(response, 400, 'VALIDATION_FAILED');
    }
    const badLanguage = await client.request({ method: 'PATCH', url: '/api/v1/users/me', body: { language: 'fr' } });
    expect(expectProblem(badLanguage, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('language');
    const me = (await client.get('/api/v1/users/me')).json();
    expect(me.platformRole).toBe('member');
  });

  it('is for signed-in users only', async () => {
    expectProblem(
      await new TestClient(t.app).request({ method: 'PATCH', url: '/api/v1/users/me', body: { language: 'ar' } }),
      401,
      'UNAUTHENTICATED',
    );
  });
});
