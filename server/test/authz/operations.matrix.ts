import { type MatrixEntry, everyone } from './harness.js';

const LOOPBACK = '127.0.0.1';

/**
 * The operational routes at the root. The test clients call from addresses of their own (never
 * loopback), so they are "remote" callers; a variant repeats a route with every role calling from
 * this machine.
 */
export const entries: MatrixEntry[] = [
  { method: 'GET', route: '/health', setup: async () => ({ url: '/health' }), expect: everyone(200) },
  // Without METRICS_TOKEN, only callers on this machine are answered; anyone else is told nothing is there.
  { method: 'GET', route: '/metrics', variant: 'remote caller', setup: async () => ({ url: '/metrics' }), expect: everyone(404) },
  {
    method: 'GET',
    route: '/metrics',
    variant: 'caller on this machine',
    setup: async () => ({ url: '/metrics', remoteAddress: LOOPBACK }),
    expect: everyone(200),
  },
  // The outbox holds sign-in links: a signed-in superadmin (the owner here) or a caller on this machine.
  {
    method: 'GET',
    route: '/dev/mail',
    variant: 'remote caller',
    setup: async (world) => ({ url: '/dev/mail', owner: world.platform.superadmin.client }),
    expect: { owner: 200, sameOrgAdmin: 404, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 404, guest: 404 },
  },
  {
    method: 'GET',
    route: '/dev/mail',
    variant: 'caller on this machine',
    setup: async () => ({ url: '/dev/mail', remoteAddress: LOOPBACK }),
    expect: everyone(200),
  },
  // The API's description and its browsable pages are public.
  { method: 'GET', route: '/openapi.json', setup: async () => ({ url: '/openapi.json' }), expect: everyone(200) },
  { method: 'GET', route: '/docs', setup: async () => ({ url: '/docs' }), expect: everyone(200) },
  { method: 'GET', route: '/docs/json', setup: async () => ({ url: '/docs/json' }), expect: everyone(200) },
  { method: 'GET', route: '/docs/yaml', setup: async () => ({ url: '/docs/yaml' }), expect: everyone(200) },
  // The UI's old address sends browsers on to /docs/.
  { method: 'GET', route: '/docs/static/index.html', setup: async () => ({ url: '/docs/static/index.html' }), expect: everyone(302) },
  {
    method: 'GET',
    route: '/docs/static/swagger-initializer.js',
    setup: async () => ({ url: '/docs/static/swagger-initializer.js' }),
    expect: everyone(200),
  },
  { method: 'GET', route: '/docs/static/*', setup: async () => ({ url: '/docs/static/swagger-ui.css' }), expect: everyone(200) },
];
