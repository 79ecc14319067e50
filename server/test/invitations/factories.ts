import type { OrgRole } from '@p2p/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { invitationSends } from '../../src/modules/invitations/invitations.tables.js';
import type { FastifyInstance } from 'fastify';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import type { Db } from '../../src/platform/db.js';
import { TEST_PASSWORD, TestClient, signUp, uniqueEmail } from '../helpers/app.js';

/** A signed-up organization: its admin's client and ids. */
export interface OrganizationFixture {
  admin: TestClient;
  adminId: string;
  adminEmail: string;
  organizationId: string;
}

export async function createOrganization(app: FastifyInstance, organizationName = 'Jubail Polymers'): Promise<OrganizationFixture> {
  const { client, response, email } = await signUp(app, { organizationName });
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const me = (await client.get('/api/v1/users/me')).json() as { id: string; organization: { id: string } };
  return { admin: client, adminId: me.id, adminEmail: email, organizationId: me.organization.id };
}

/** The token of the newest invitation email to this address, read from the link in the outbox. */
export async function invitationTokenFromOutbox(db: Db, email: string): Promise<string> {
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.template, 'invitation')))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const link = mail?.links[0];
  if (!link) throw new Error(`no invitation email to ${email}`);
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`invitation link without a token: ${link}`);
  return token;
}

export interface InvitedFixture {
  id: string;
  email: string;
  token: string;
}

/** Invites a fresh address (or the given one) as the admin; fails loudly if the API refuses. */
export async function invite(
  app: FastifyInstance,
  db: Db,
  admin: TestClient,
  input: { email?: string; role?: OrgRole; message?: string; language?: 'en' | 'ar' } = {},
): Promise<InvitedFixture> {
  const email = input.email ?? uniqueEmail('invitee');
  const response = await admin.post('/api/v1/invitations', {
    email,
    role: input.role ?? 'member',
    ...(input.message ? { message: input.message } : {}),
    ...(input.language ? { language: input.language } : {}),
  });
  if (response.statusCode !== 201) throw new Error(`invitation failed: ${response.statusCode} ${response.body}`);
  const id = response.json().id as string;
  // A fixture, not a use of the sending limits (test/invitations/abuse.test.ts exercises those): its
  // email counts as sent a day ago, so a test may set up as many invitations as it needs.
  await db
    .update(invitationSends)
    .set({ createdAt: sql`${invitationSends.createdAt} - interval '1 day'` })
    .where(eq(invitationSends.invitationId, id));
  return { id, email, token: await invitationTokenFromOutbox(db, email) };
}

export const acceptBody = (token: string, extra: Record<string, unknown> = {}) => ({
  token,
  firstName: 'Sara',
  lastName: 'Al-Amri',
  password: TEST_PASSWORD,
  ...extra,
});

/** A member (or admin) of the admin's organization who joined by invitation, signed in. */
export async function addMember(
  app: FastifyInstance,
  db: Db,
  admin: TestClient,
  role: OrgRole = 'member',
): Promise<{ client: TestClient; id: string; email: string }> {
  const invitation = await invite(app, db, admin, { role });
  const client = new TestClient(app);
  const response = await client.post('/api/v1/invitations/accept', acceptBody(invitation.token));
  if (response.statusCode !== 200) throw new Error(`accept failed: ${response.statusCode} ${response.body}`);
  return { client, id: response.json().id as string, email: invitation.email };
}
