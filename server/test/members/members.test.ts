import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/modules/auth/auth.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem } from '../helpers/app.js';
import { acceptBody, addMember, createOrganization, invite } from '../invitations/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patch = (client: TestClient, id: string, body: object) => client.request({ method: 'PATCH', url: `/api/v1/users/${id}`, body });

/** Joins the admin's organization by invitation under the given names. */
async function join(admin: TestClient, firstName: string, lastName: string, email?: string) {
  const sent = await invite(t.app, t.database.db, admin, email ? { email } : {});
  const client = new TestClient(t.app);
  const response = await client.post('/api/v1/invitations/accept', acceptBody(sent.token, { firstName, lastName }));
  if (response.statusCode !== 200) throw new Error(response.body);
  return { client, id: response.json().id as string, email: sent.email };
}

describe('GET /api/v1/users', () => {
  it('pages through my organization only, with search, filters and sorts', async () => {
    const org = await createOrganization(t.app);
    const other = await createOrganization(t.app);
    await join(other.admin, 'Zahra', 'Outsider');
    const percent = await join(org.admin, 'Omar', '100% Uptime');
    const thousand = await join(org.admin, 'Rami', '1000 Hours');
    const underscore = await join(org.admin, 'Lina', 'Q', `lina_q.${Date.now()}@example.com`);
    const lookalike = await join(org.admin, 'Lina', 'X', `linaxq.${Date.now()}@example.com`);
    await patch(org.admin, percent.id, { department: 'Maintenance', role: 'admin' });
    await patch(org.admin, thousand.id, { department: 'maintenance', status: 'inactive' });

    const list = async (query = '') => (await org.admin.get(`/api/v1/users${query}`)).json();
    const names = async (query: string) => (await list(query)).items.map((m: { name: string }) => m.name);

    const all = await list();
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 20, totalPages: 1, hasNext: false });
    expect(all.items.map((m: { name: string }) => m.name)).toEqual([
      'Faisal Al-Otaibi',
      'Lina Q',
      'Lina X',
      'Omar 100% Uptime',
      'Rami 1000 Hours',
    ]);
    expect(all.items.find((m: { id: string }) => m.id === percent.id)).toMatchObject({
      email: percent.email,
      role: 'admin',
      status: 'active',
      department: 'Maintenance',
      emailVerified: true,
      avatarUrl: null,
    });

    expect(await names('?search=oMAR')).toEqual(['Omar 100% Uptime']);
    expect(await names('?search=100')).toEqual(['Omar 100% Uptime', 'Rami 1000 Hours']);
    expect(await names('?search=0%25')).toEqual(['Omar 100% Uptime']);
    expect(await names('?search=lina_')).toEqual(['Lina Q']);
    expect(await names(`?search=${encodeURIComponent(underscore.email.toUpperCase())}`)).toEqual(['Lina Q']);
    expect(await names('?role=admin')).toEqual(['Faisal Al-Otaibi', 'Omar 100% Uptime']);
    expect(await names('?status=inactive')).toEqual(['Rami 1000 Hours']);
    expect(await names('?department=MAINTENANCE&status=active')).toEqual(['Omar 100% Uptime']);
    expect(await names('?search=Zahra')).toEqual([]);

    expect((await names('?sort=newest'))[0]).toBe('Lina X');
    expect((await names('?sort=oldest'))[0]).toBe('Faisal Al-Otaibi');
    const byEmail = (await list('?sort=email')).items.map((m: { email: string }) => m.email.split('.')[0]);
    expect(byEmail).toEqual(['invitee', 'invitee', 'lina_q', 'linaxq', 'user']);

    const page = await list('?pageSize=2&page=3');
    expect(page).toMatchObject({ total: 5, page: 3, totalPages: 3, hasNext: false, hasPrevious: true });
    expect(page.items.map((m: { name: string }) => m.name)).toEqual(['Rami 1000 Hours']);
    expect(lookalike.id).toBeTruthy();

    expectProblem(await org.admin.get('/api/v1/users?pageSize=101'), 400, 'VALIDATION_FAILED');
    expectProblem(await org.admin.get('/api/v1/users?role=owner'), 400, 'VALIDATION_FAILED');
  });

  it('is for organization admins: members 403, guests 401', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    expectProblem(await member.client.get('/api/v1/users'), 403, 'FORBIDDEN');
    expectProblem(await new TestClient(t.app).get('/api/v1/users'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/v1/users/:id', () => {
  it('shows colleagues their contact details, role and status; other organizations only the card', async () => {
    const org = await createOrganization(t.app, 'Jazan Food Industries');
    const member = await addMember(t.app, t.database.db, org.admin);
    await member.client.request({
      method: 'PATCH',
      url: '/api/v1/users/me',
      body: { phone: '+966 55 000 1111', bio: 'Food safety', jobTitle: 'QA Lead', department: 'Quality' },
    });

    const asColleague = await org.admin.get(`/api/v1/users/${member.id}`);
    expect(asColleague.statusCode).toBe(200);
    expect(asColleague.json()).toEqual({
      id: member.id,
      name: 'Sara Al-Amri',
      isFormerMember: false,
      jobTitle: 'QA Lead',
      department: 'Quality',
      avatarUrl: null,
      organization: { id: org.organizationId, name: 'Jazan Food Industries', nameAr: null, logoUrl: null },
      colleague: { email: member.email, phone: '+966 55 000 1111', bio: 'Food safety', role: 'member', status: 'active' },
    });
    expect((await member.client.get(`/api/v1/users/${org.adminId}`)).json().colleague).toMatchObject({
      email: org.adminEmail,
      role: 'admin',
    });

    const stranger = await createOrganization(t.app);
    const asStranger = await stranger.admin.get(`/api/v1/users/${member.id}`);
    expect(asStranger.statusCode).toBe(200);
    expect(asStranger.json()).toMatchObject({ id: member.id, name: 'Sara Al-Amri', jobTitle: 'QA Lead', colleague: null });
    expect(asStranger.body).not.toContain(member.email);
    expect(asStranger.body).not.toContain('+966 55 000 1111');
  });

  it('answers 404 for unknown and malformed ids, 401 for guests', async () => {
    const org = await createOrganization(t.app);
    expectProblem(await org.admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expectProblem(await org.admin.get('/api/v1/users/12345'), 404, 'NOT_FOUND');
    expectProblem(await new TestClient(t.app).get(`/api/v1/users/${org.adminId}`), 401, 'UNAUTHENTICATED');
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('changes role, job fields and status; deactivating signs the user out everywhere at once', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    const response = await patch(org.admin, member.id, { role: 'admin', jobTitle: 'Plant Manager', department: 'Operations' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: member.id,
      role: 'admin',
      jobTitle: 'Plant Manager',
      department: 'Operations',
      status: 'active',
    });
    expect((await member.client.get('/api/v1/users/me')).json().orgRole).toBe('admin');
    expect((await patch(org.admin, member.id, { jobTitle: null })).json().jobTitle).toBeNull();

    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(1);
    const deactivated = await patch(org.admin, member.id, { status: 'inactive' });
    expect(deactivated.json().status).toBe('inactive');
    // The rows are gone, not merely refused: nothing can revive them (e.g. after reactivation).
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    expectProblem(await member.client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await new TestClient(t.app).post('/api/auth/sign-in/email', { email: member.email, password: 'Quartz-Falcon-2931' }),
      403,
      'ACCOUNT_DISABLED',
    );

    expect((await patch(org.admin, member.id, { status: 'active' })).json().status).toBe('active');
    expectProblem(await member.client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect(
      (await new TestClient(t.app).post('/api/auth/sign-in/email', { email: member.email, password: 'Quartz-Falcon-2931' })).statusCode,
    ).toBe(200);
  });

  it('refuses what admins may not set, members, other organizations and unknown users', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    const other = await createOrganization(t.app);
    for (const body of [{ status: 'suspended' }, { email: 'x@example.com' }, { platformRole: 'superadmin' }, { role: 'owner' }]) {
      expectProblem(await patch(org.admin, member.id, body), 400, 'VALIDATION_FAILED');
    }
    expectProblem(await patch(member.client, org.adminId, { role: 'member' }), 403, 'FORBIDDEN');
    expectProblem(await patch(member.client, member.id, { role: 'admin' }), 403, 'FORBIDDEN');
    expectProblem(await patch(other.admin, member.id, { jobTitle: 'Hijacked' }), 404, 'NOT_FOUND');
    expectProblem(await patch(org.admin, other.adminId, { jobTitle: 'Hijacked' }), 404, 'NOT_FOUND');
    expectProblem(await patch(org.admin, '00000000-0000-4000-8000-000000000000', { jobTitle: 'x' }), 404, 'NOT_FOUND');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, member.id));
    expect(row!.jobTitle).toBeNull();
  });

  it('does not lift a platform suspension, and does not reactivate beyond the user limit', async () => {
    const org = await createOrganization(t.app);
    const suspended = await addMember(t.app, t.database.db, org.admin);
    await t.database.db.update(users).set({ status: 'suspended' }).where(eq(users.id, suspended.id));
    expectProblem(await patch(org.admin, suspended.id, { status: 'active' }), 403, 'FORBIDDEN');
    expectProblem(await patch(org.admin, suspended.id, { status: 'inactive' }), 403, 'FORBIDDEN');

    const resting = await addMember(t.app, t.database.db, org.admin);
    expect((await patch(org.admin, resting.id, { status: 'inactive' })).statusCode).toBe(200);
    // 1 admin + 1 active invitee... fill the trial's 10 seats with pending invitations.
    for (let i = 0; i < 9; i += 1) await invite(t.app, t.database.db, org.admin);
    expectProblem(await patch(org.admin, resting.id, { status: 'active' }), 409, 'USER_LIMIT_REACHED');
  });
});
