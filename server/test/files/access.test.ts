import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, expectProblem, signUp } from '../helpers/app.js';
import { minimalPdf, noisyImage } from './fixtures.js';
import {
  type FilesTestContext,
  addMember,
  createFilesTestApp,
  fileRow,
  hasBytes,
  organizationIdOf,
  upload,
  uploadProfileImage,
} from './helpers.js';

let t: FilesTestContext;
let admin: TestClient;
let uploader: TestClient;
let member: TestClient;
let otherAdmin: TestClient;
let guest: TestClient;
beforeAll(async () => {
  t = await createFilesTestApp();
  ({ client: admin } = await signUp(t.app, { organizationName: 'Yanbu Cement' }));
  const organizationId = await organizationIdOf(admin);
  uploader = await addMember(t, organizationId, 'member');
  member = await addMember(t, organizationId, 'member');
  ({ client: otherAdmin } = await signUp(t.app, { organizationName: 'Tabuk Foods' }));
  guest = new TestClient(t.app);
});
afterAll(() => t.close());

async function attachment(): Promise<{ id: string; url: string }> {
  const response = await upload(uploader, { filename: 'drawing.pdf', data: minimalPdf() });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('GET /api/v1/files/:id', () => {
  it('serves attachments to members of the owning organization only; others get 404', async () => {
    const file = await attachment();
    for (const reader of [uploader, admin, member]) {
      const response = await reader.get(file.url);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(minimalPdf())).toBe(true);
    }
    expectProblem(await otherAdmin.get(file.url), 404, 'NOT_FOUND');
    expectProblem(await guest.get(file.url), 404, 'NOT_FOUND');
  });

  it('serves avatars and logos to anyone, guests included', async () => {
    const avatar = (await uploadProfileImage(uploader, '/api/v1/users/me/avatar', await noisyImage(64, 64, 'png'))).json();
    const logo = (await uploadProfileImage(admin, '/api/v1/organizations/me/logo', await noisyImage(64, 64, 'png'))).json();
    for (const reader of [guest, otherAdmin, member]) {
      for (const file of [avatar, logo]) {
        const response = await reader.get(file.url);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('image/png');
      }
    }
  });

  it('sends the stored type with nosniff, a disposition, a private cache policy and an ETag that answers 304', async () => {
    const file = await attachment();
    const response = await member.get(file.url);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-cache',
      'content-length': String(minimalPdf().length),
    });
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="drawing.pdf"/);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await member.get(file.url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A conditional request does not get around the access check.
    expectProblem(await guest.get(file.url, { 'if-none-match': etag }), 404, 'NOT_FOUND');

    const avatar = (await uploadProfileImage(member, '/api/v1/users/me/avatar', await noisyImage(32, 32, 'png'))).json();
    const image = await guest.get(avatar.url);
    expect(image.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(image.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    expectProblem(await member.get(`/api/v1/files/${randomUUID()}`), 404, 'NOT_FOUND');
    expectProblem(await member.get('/api/v1/files/not-a-uuid'), 404, 'NOT_FOUND');
    expectProblem(await member.get('/api/v1/files/..%2F..%2Fetc%2Fpasswd'), 404, 'NOT_FOUND');
    expectProblem(await member.delete('/api/v1/files/not-a-uuid'), 404, 'NOT_FOUND');
  });
});

describe('DELETE /api/v1/files/:id', () => {
  it('lets the uploader delete their attachment', async () => {
    const file = await attachment();
    const { storageKey } = await fileRow(t, file.id);
    expect((await uploader.delete(file.url)).statusCode).toBe(204);
    expect(hasBytes(t, storageKey)).toBe(false);
  });

  it("lets an admin of the owning organization delete a member's attachment", async () => {
    const file = await attachment();
    expect((await admin.delete(file.url)).statusCode).toBe(204);
    expectProblem(await uploader.get(file.url), 404, 'NOT_FOUND');
  });

  it('answers 403 to a member who can see it, 404 to another organization, 401 to guests; the file stays', async () => {
    const file = await attachment();
    expectProblem(await member.delete(file.url), 403, 'FORBIDDEN');
    expectProblem(await otherAdmin.delete(file.url), 404, 'NOT_FOUND');
    expectProblem(await guest.delete(file.url), 401, 'UNAUTHENTICATED');
    expect((await uploader.get(file.url)).statusCode).toBe(200);
    expect((await fileRow(t, file.id)).deletedAt).toBeNull();
  });

  it('answers 403 for a visible avatar to anyone but its owner and their admin; the admin clears it from the profile', async () => {
    const avatar = (await uploadProfileImage(uploader, '/api/v1/users/me/avatar', await noisyImage(48, 48, 'png'))).json();
    expectProblem(await otherAdmin.delete(avatar.url), 403, 'FORBIDDEN');
    expectProblem(await member.delete(avatar.url), 403, 'FORBIDDEN');
    expectProblem(await guest.delete(avatar.url), 401, 'UNAUTHENTICATED');
    expect((await uploader.get('/api/v1/users/me')).json().avatarUrl).toBe(avatar.url);
    expect((await admin.delete(avatar.url)).statusCode).toBe(204);
    expect((await uploader.get('/api/v1/users/me')).json().avatarUrl).toBeNull();
  });

  it('clears the organization logo when its file is deleted directly', async () => {
    const logo = (await uploadProfileImage(admin, '/api/v1/organizations/me/logo', await noisyImage(48, 48, 'png'))).json();
    expectProblem(await member.delete(logo.url), 403, 'FORBIDDEN');
    expect((await member.get('/api/v1/users/me')).json().organization.logoUrl).toBe(logo.url);
    expect((await admin.delete(logo.url)).statusCode).toBe(204);
    expect((await member.get('/api/v1/users/me')).json().organization.logoUrl).toBeNull();
  });
});
