import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../src/modules/organizations/index.js';
import { users } from '../../src/modules/users/index.js';
import { expectProblem, signUp } from '../helpers/app.js';
import { minimalPdf, noisyImage } from './fixtures.js';
import { type FilesTestContext, createFilesTestApp, organizationIdOf, storageUsed, upload, uploadProfileImage } from './helpers.js';

let t: FilesTestContext;
beforeAll(async () => {
  t = await createFilesTestApp();
});
afterAll(() => t.close());

describe('who may write files', () => {
  it('a suspended organization can still read its files but not upload or delete', async () => {
    const { client } = await signUp(t.app);
    const organizationId = await organizationIdOf(client);
    const file = (await upload(client, { filename: 'a.pdf', data: minimalPdf() })).json();
    await t.database.db.update(organizations).set({ status: 'suspended' }).where(eq(organizations.id, organizationId));

    expect((await client.get(file.url)).statusCode).toBe(200);
    expect(expectProblem(await upload(client, { filename: 'b.pdf', data: minimalPdf() }), 403, 'FORBIDDEN').detail).toMatch(/suspended/);
    expectProblem(await client.delete(file.url), 403, 'FORBIDDEN');
    expectProblem(await uploadProfileImage(client, '/api/v1/users/me/avatar', await noisyImage(16, 16, 'png')), 403, 'FORBIDDEN');
    expect(await storageUsed(t, organizationId)).toBe(minimalPdf().length);

    await t.database.db.update(organizations).set({ status: 'active' }).where(eq(organizations.id, organizationId));
    expect((await client.delete(file.url)).statusCode).toBe(204);
  });

  it('an account unverified for more than 7 days cannot upload', async () => {
    const { client, email } = await signUp(t.app);
    await t.database.db
      .update(users)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(users.email, email));
    expectProblem(await upload(client, { filename: 'a.pdf', data: minimalPdf() }), 403, 'EMAIL_NOT_VERIFIED');
    await t.database.db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
    expect((await upload(client, { filename: 'a.pdf', data: minimalPdf() })).statusCode).toBe(201);
  });
});
