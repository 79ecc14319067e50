import { blankPng } from '../files/fixtures.js';
import { TEST_PASSWORD } from '../helpers/app.js';
import { multipart } from '../files/helpers.js';
import { type MatrixEntry, orgAdmins, signedIn } from './harness.js';
import { revealsOnly } from './leaks.js';

/** A one-part multipart body with a small PNG, as the avatar and logo routes take it. */
export function imageUpload(): { body: Buffer; headers: Record<string, string> } {
  const { payload, contentType } = multipart([{ name: 'file', filename: 'picture.png', contentType: 'image/png', data: blankPng(16, 16) }]);
  return { body: payload, headers: { 'content-type': contentType } };
}

/** Users: /users/:id (the owner is the user the id names), the member list and the caller's own account (/users/me). */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    setup: async (world) => ({ url: `/api/v1/users/${world.a.owner.id}` }),
    // Everyone signed in sees a profile (colleagues more of it); guests must sign in.
    expect: signedIn(200),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    setup: async (world) => {
      const target = await world.newMemberOfA();
      return { url: `/api/v1/users/${target.id}`, body: { jobTitle: 'Inspector' }, owner: target.client };
    },
    // Another organization's admin finds nothing (404); a plain member anywhere is refused before any
    // lookup (403 whatever the id names, so it tells nothing about it).
    expect: { owner: 403, sameOrgAdmin: 200, sameOrgMember: 403, otherOrgAdmin: 404, otherOrgMember: 403, moderator: 404, guest: 401 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/:id',
    setup: async (world) => {
      const target = await world.newMemberOfA();
      return { url: `/api/v1/users/${target.id}`, owner: target.client };
    },
    // Another organization's admin finds nothing (404); a plain member anywhere is refused before any
    // lookup (403 whatever the id names, so it tells nothing about it).
    expect: { owner: 403, sameOrgAdmin: 204, sameOrgMember: 403, otherOrgAdmin: 404, otherOrgMember: 403, moderator: 404, guest: 401 },
  },
  // The member list: each organization admin lists their own organization's people only.
  {
    method: 'GET',
    route: '/api/v1/users',
    setup: async () => ({ url: '/api/v1/users?pageSize=100' }),
    expect: orgAdmins(200),
    check: revealsOnly((s) => s.people),
  },
  // Everything under /users/me is the caller's own.
  { method: 'GET', route: '/api/v1/users/me', setup: async () => ({ url: '/api/v1/users/me' }), expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/v1/users/me',
    setup: async () => ({ url: '/api/v1/users/me', body: { jobTitle: 'Process engineer' } }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/v1/users/me/sessions',
    setup: async () => ({ url: '/api/v1/users/me/sessions' }),
    expect: signedIn(200),
    // Only the caller's own sessions: exactly one of them is the current one.
    check: (response) => {
      const items = response.json().items as Array<{ isCurrent: boolean }>;
      if (items.filter((s) => s.isCurrent).length !== 1) throw new Error(`current sessions: ${JSON.stringify(items)}`);
    },
  },
  {
    method: 'POST',
    route: '/api/v1/users/me/avatar',
    setup: async () => ({ url: '/api/v1/users/me/avatar', ...imageUpload() }),
    expect: signedIn(200),
  },
  { method: 'DELETE', route: '/api/v1/users/me/avatar', setup: async () => ({ url: '/api/v1/users/me/avatar' }), expect: signedIn(204) },
  // My data: each caller downloads their own (test/privacy checks that nobody else's is in it).
  {
    method: 'GET',
    route: '/api/v1/users/me/export',
    setup: async () => ({ url: '/api/v1/users/me/export' }),
    expect: signedIn(200),
    check: (response) => {
      if (!String(response.headers['content-disposition']).startsWith('attachment;')) throw new Error('the export is not a download');
    },
  },
  // Deleting my account needs my password: a wrong one changes nothing for anyone (the deletion itself: test/privacy).
  {
    method: 'DELETE',
    route: '/api/v1/users/me',
    variant: 'wrong password',
    setup: async () => ({ url: '/api/v1/users/me', body: { password: 'not-the-password-0' } }),
    expect: signedIn(400),
  },
  // With the right password every signed-in caller deletes their own account: each run a new person of
  // the role's kind (a member or a co-admin of A or B, a moderator), so the world's people stay.
  {
    method: 'DELETE',
    route: '/api/v1/users/me',
    variant: 'own password',
    setup: async (world, role) => {
      const person = await world.newPersonLike(role);
      return { url: '/api/v1/users/me', body: { password: TEST_PASSWORD }, ...(person ? { as: person.client } : {}) };
    },
    expect: signedIn(204),
  },
];
