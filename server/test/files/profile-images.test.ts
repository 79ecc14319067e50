import { and, eq, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../src/modules/files/index.js';
import { TestClient, expectProblem, signUp } from '../helpers/app.js';
import { jpegWithGps, noisyImage, svgWithScript } from './fixtures.js';
import {
  type FilesTestContext,
  addMember,
  createFilesTestApp,
  fileRow,
  filesOnDisk,
  hasBytes,
  liveFilesBytes,
  organizationIdOf,
  storageUsed,
  uploadProfileImage,
} from './helpers.js';

let t: FilesTestContext;
beforeAll(async () => {
  t = await createFilesTestApp();
});
afterAll(() => t.close());

async function me(client: TestClient) {
  return (await client.get('/api/v1/users/me')).json() as {
    id: string;
    avatarUrl: string | null;
    organization: { id: string; logoUrl: string | null };
  };
}

describe('POST|DELETE /api/v1/users/me/avatar', () => {
  it('sets the avatar, replaces it (the previous file is deleted and its quota freed) and removes it', async () => {
    const { client } = await signUp(t.app);
    const organizationId = await organizationIdOf(client);

    const first = await uploadProfileImage(client, '/api/v1/users/me/avatar', await jpegWithGps(), 'me.jpg');
    expect(first.statusCode).toBe(200);
    const firstFile = first.json();
    expect(firstFile).toMatchObject({ purpose: 'avatar', contentType: 'image/webp', width: 341, height: 512, originalName: 'me.jpg' });
    expect((await me(client)).avatarUrl).toBe(firstFile.url);
    const stored = await sharp((await client.get(firstFile.url)).rawPayload).metadata();
    expect(stored.exif).toBeUndefined();
    expect(await storageUsed(t, organizationId)).toBe(firstFile.sizeBytes);
    const firstKey = (await fileRow(t, firstFile.id)).storageKey;

    const second = (await uploadProfileImage(client, '/api/v1/users/me/avatar', await noisyImage(600, 600, 'png'))).json();
    expect(second).toMatchObject({ contentType: 'image/png', width: 512, height: 512 });
    expect((await me(client)).avatarUrl).toBe(second.url);
    expect((await fileRow(t, firstFile.id)).deletedAt).toBeInstanceOf(Date);
    expect(hasBytes(t, firstKey)).toBe(false);
    expectProblem(await client.get(firstFile.url), 404, 'NOT_FOUND');
    expect(await storageUsed(t, organizationId)).toBe(second.sizeBytes);

    expect((await client.delete('/api/v1/users/me/avatar')).statusCode).toBe(204);
    expect((await me(client)).avatarUrl).toBeNull();
    expectProblem(await client.get(second.url), 404, 'NOT_FOUND');
    expect(await storageUsed(t, organizationId)).toBe(0);
    expect(hasBytes(t, (await fileRow(t, second.id)).storageKey)).toBe(false);
    // Removing an avatar that is not there is fine.
    expect((await client.delete('/api/v1/users/me/avatar')).statusCode).toBe(204);
  });

  it('refuses what is not an allowed image, what is too large, and guests, storing nothing', async () => {
    const { client } = await signUp(t.app);
    const organizationId = await organizationIdOf(client);
    const disk = filesOnDisk(t).length;
    expectProblem(await uploadProfileImage(client, '/api/v1/users/me/avatar', svgWithScript, 'me.svg'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = Buffer.concat([await noisyImage(10, 10, 'png'), Buffer.alloc(5 * 1024 * 1024)]);
    expectProblem(await uploadProfileImage(client, '/api/v1/users/me/avatar', big), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(
      await uploadProfileImage(new TestClient(t.app), '/api/v1/users/me/avatar', await noisyImage(10, 10, 'png')),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await new TestClient(t.app).delete('/api/v1/users/me/avatar'), 401, 'UNAUTHENTICATED');
    expect((await me(client)).avatarUrl).toBeNull();
    expect(filesOnDisk(t).length).toBe(disk);
    expect(await storageUsed(t, organizationId)).toBe(0);
  });

  it('leaves exactly one live avatar after several replacements at once', async () => {
    const { client } = await signUp(t.app);
    const organizationId = await organizationIdOf(client);
    const responses = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => uploadProfileImage(client, '/api/v1/users/me/avatar', await noisyImage(40 + i, 40, 'png'))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const profile = await me(client);
    const live = await t.database.db
      .select()
      .from(files)
      .where(and(eq(files.organizationId, organizationId), isNull(files.deletedAt)));
    expect(live).toHaveLength(1);
    expect(profile.avatarUrl).toBe(`/api/v1/files/${live[0]!.id}`);
    expect(await storageUsed(t, organizationId)).toBe(live[0]!.sizeBytes);
    expect(await liveFilesBytes(t, organizationId)).toBe(live[0]!.sizeBytes);
  });
});

describe('POST|DELETE /api/v1/organizations/me/logo', () => {
  it('lets an organization admin set, replace and remove the logo; members see it in /users/me', async () => {
    const { client: admin } = await signUp(t.app, { organizationName: 'Jazan Packaging' });
    const organizationId = await organizationIdOf(admin);
    const member = await addMember(t, organizationId, 'member');

    const first = await uploadProfileImage(admin, '/api/v1/organizations/me/logo', await noisyImage(800, 400, 'png'), 'logo.png');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ purpose: 'logo', contentType: 'image/png', width: 512, height: 256 });
    expect((await me(member)).organization.logoUrl).toBe(first.json().url);
    expect((await new TestClient(t.app).get(first.json().url)).statusCode).toBe(200);

    const second = (
      await uploadProfileImage(admin, '/api/v1/organizations/me/logo', await noisyImage(100, 100, 'jpeg'), 'logo.jpg')
    ).json();
    expect(second.contentType).toBe('image/webp');
    expect((await me(admin)).organization.logoUrl).toBe(second.url);
    expectProblem(await admin.get(first.json().url), 404, 'NOT_FOUND');
    expect(await storageUsed(t, organizationId)).toBe(second.sizeBytes);

    expect((await admin.delete('/api/v1/organizations/me/logo')).statusCode).toBe(204);
    expect((await me(member)).organization.logoUrl).toBeNull();
    expect(await storageUsed(t, organizationId)).toBe(0);
    expect(hasBytes(t, (await fileRow(t, second.id)).storageKey)).toBe(false);
  });

  it('answers 403 to a plain member and changes nothing', async () => {
    const { client: admin } = await signUp(t.app, { organizationName: 'Hail Dairy' });
    const organizationId = await organizationIdOf(admin);
    const member = await addMember(t, organizationId, 'member');
    const logo = (await uploadProfileImage(admin, '/api/v1/organizations/me/logo', await noisyImage(64, 64, 'png'))).json();
    const disk = filesOnDisk(t).length;

    expectProblem(await uploadProfileImage(member, '/api/v1/organizations/me/logo', await noisyImage(64, 64, 'png')), 403, 'FORBIDDEN');
    expectProblem(await member.delete('/api/v1/organizations/me/logo'), 403, 'FORBIDDEN');
    expect((await me(admin)).organization.logoUrl).toBe(logo.url);
    expect(filesOnDisk(t).length).toBe(disk);
    expect(await storageUsed(t, organizationId)).toBe(logo.sizeBytes);
  });
});
