import type { TestClient } from '../helpers/app.js';
import { minimalPdf } from '../files/fixtures.js';
import { multipart, upload } from '../files/helpers.js';
import { type MatrixEntry, type World, signedIn } from './harness.js';

/** An attachment uploaded by A's resource-owning member (attachments are the files with access rules). */
async function attachmentOf(owner: TestClient): Promise<string> {
  const response = await upload(owner, { purpose: 'attachment', filename: 'drawing.pdf', data: minimalPdf() });
  if (response.statusCode !== 201) throw new Error(`upload answered ${response.statusCode}: ${response.body}`);
  return (response.json() as { url: string }).url;
}

/** Files — the owner is the member who uploaded it; avatars and logos (public) are covered in test/files. */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    route: '/api/v1/files',
    setup: async () => {
      const { payload, contentType } = multipart([
        { name: 'purpose', value: 'attachment' },
        { name: 'file', filename: 'drawing.pdf', data: minimalPdf() },
      ]);
      return { url: '/api/v1/files', body: payload, headers: { 'content-type': contentType } };
    },
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id',
    setup: async (world: World) => ({ url: await attachmentOf(world.a.owner.client) }),
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 200, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 404, guest: 404 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/files/:id',
    setup: async (world: World) => ({ url: await attachmentOf(world.a.owner.client) }),
    expect: { owner: 204, sameOrgAdmin: 204, sameOrgMember: 403, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 404, guest: 401 },
  },
];
