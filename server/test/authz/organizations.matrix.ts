import { type MatrixEntry, everyone, orgAdmins, signedIn } from './harness.js';
import { imageUpload } from './users.matrix.js';

/** Organizations: the public card, and /organizations/me (each caller's own organization; its admins change it). */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/organizations/:id',
    setup: async (world) => ({ url: `/api/v1/organizations/${world.a.organizationId}` }),
    // The public organization profile: guests included.
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/v1/organizations/me',
    setup: async () => ({ url: '/api/v1/organizations/me' }),
    expect: signedIn(200),
    // Each caller gets their own organization.
    check: (response, role, world) => {
      const id = response.json().id as string;
      const own =
        role === 'moderator'
          ? world.platform.moderatorOrganizationId
          : role.startsWith('other')
            ? world.b.organizationId
            : world.a.organizationId;
      if (id !== own) throw new Error(`got organization ${id}, not the caller's ${own}`);
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/organizations/me',
    setup: async () => ({ url: '/api/v1/organizations/me', body: { website: 'https://example.com' } }),
    expect: orgAdmins(200),
  },
  {
    method: 'GET',
    route: '/api/v1/organizations/me/stats',
    setup: async () => ({ url: '/api/v1/organizations/me/stats' }),
    expect: orgAdmins(200),
  },
  {
    method: 'POST',
    route: '/api/v1/organizations/me/logo',
    setup: async () => ({ url: '/api/v1/organizations/me/logo', ...imageUpload() }),
    expect: orgAdmins(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/organizations/me/logo',
    setup: async () => ({ url: '/api/v1/organizations/me/logo' }),
    expect: orgAdmins(204),
  },
];
