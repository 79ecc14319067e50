import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { TIER_LIMITS } from '@p2p/contracts';
import { eq, inArray, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage, files } from '../../src/modules/files/index.js';
import { invitations } from '../../src/modules/invitations/index.js';
import { memberships, organizations } from '../../src/modules/organizations/index.js';
import {
  DEMO_AVATAR_EMAILS,
  DEMO_COVER_TITLES,
  DEMO_INVITATIONS,
  DEMO_INVITATION_EMAILS,
  DEMO_ORGANIZATIONS,
  DEMO_ORGANIZATION_COUNT,
  DEMO_PASSWORD,
  DEMO_USERS,
  PLACEHOLDER_SIZE,
  clearDemo,
  colourOf,
  seedDemo,
  verifyDemo,
} from '../../src/tools/seed/index.js';
import { users } from '../../src/modules/users/index.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, signUp } from '../helpers/app.js';
import { solidImage } from '../files/fixtures.js';
import {
  type FilesTestContext,
  createFilesTestApp,
  filesOnDisk,
  hasBytes,
  liveFilesBytes,
  storageUsed,
  storedPath,
  uploadProfileImage,
} from '../files/helpers.js';

let t: FilesTestContext;
let storage: LocalDiskStorage;
beforeAll(async () => {
  t = await createFilesTestApp();
  storage = new LocalDiskStorage(t.uploadsDir);
  await seedDemo(t.database.db, t.app.services.auth, storage);
});
afterAll(() => t.close());

const db = () => t.database.db;

async function fileById(id: string) {
  const [row] = await db().select().from(files).where(eq(files.id, id));
  if (!row) throw new Error(`no files row ${id}`);
  return row;
}

async function pixel(bytes: Buffer, left: number, top: number): Promise<{ hex: string; alpha: number }> {
  const raw = await sharp(bytes).ensureAlpha().extract({ left, top, width: 1, height: 1 }).raw().toBuffer();
  return { hex: `#${[raw[0]!, raw[1]!, raw[2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`, alpha: raw[3]! };
}

async function signInAs(email: string) {
  const client = new TestClient(t.app);
  const response = await client.post('/api/auth/sign-in/email', { email, password: DEMO_PASSWORD });
  expect(response.statusCode, response.body).toBe(200);
  return client;
}

function adminOf(key: string): string {
  return DEMO_USERS.find((u) => u.organization === key && u.role === 'admin')!.email;
}

async function orgByName(name: string) {
  const [row] = await db().select().from(organizations).where(eq(organizations.name, name));
  return row!;
}

async function snapshot() {
  const [fileRows, invitationRows] = await Promise.all([db().select().from(files), db().select().from(invitations)]);
  return { files: fileRows.length, invitations: invitationRows.length, onDisk: filesOnDisk(t).sort() };
}

describe('demo logos and avatars', () => {
  it('gives every demo organization a placeholder logo stored like an upload', async () => {
    const orgs = await db().select().from(organizations);
    expect(orgs).toHaveLength(DEMO_ORGANIZATION_COUNT);
    const people = await db().select({ id: users.id, email: users.email }).from(users);
    const hashes = new Set<string>();
    for (const org of orgs) {
      expect(org.logoFileId, org.name).not.toBeNull();
      const file = await fileById(org.logoFileId!);
      expect(file).toMatchObject({
        organizationId: org.id,
        purpose: 'logo',
        contentType: 'image/png',
        width: PLACEHOLDER_SIZE,
        height: PLACEHOLDER_SIZE,
        deletedAt: null,
      });
      const key = DEMO_ORGANIZATIONS.find((o) => o.name === org.name)?.key ?? 'platform';
      expect(file.uploaderId).toBe(people.find((u) => u.email === adminOf(key))!.id);
      expect(hasBytes(t, file.storageKey)).toBe(true);
      const bytes = readFileSync(storedPath(t, file.storageKey));
      expect(bytes.length).toBe(file.sizeBytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      const meta = await sharp(bytes).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: 'png',
        width: PLACEHOLDER_SIZE,
        height: PLACEHOLDER_SIZE,
      });
      // A square filled with the colour of the name, with white marks on it.
      expect(await pixel(bytes, 3, 3)).toEqual({ hex: colourOf(org.name), alpha: 255 });
      const stats = await sharp(bytes).stats();
      expect(stats.channels.slice(0, 3).map((c) => c.max)).toEqual([255, 255, 255]);
      hashes.add(file.sha256);
      expect(await storageUsed(t, org.id)).toBe(await liveFilesBytes(t, org.id));
    }
    expect(hashes.size).toBe(orgs.length);
  });

  it('gives about half of the users a round avatar, uploaded by themselves in their organization', async () => {
    const people = await db().select().from(users);
    const withAvatar = people.filter((u) => u.avatarFileId !== null);
    expect(withAvatar.map((u) => u.email).sort()).toEqual([...DEMO_AVATAR_EMAILS].sort());
    expect(withAvatar.length / people.length).toBeGreaterThanOrEqual(0.4);
    expect(withAvatar.length / people.length).toBeLessThanOrEqual(0.6);
    const homes = await db().select().from(memberships);
    for (const user of withAvatar) {
      const file = await fileById(user.avatarFileId!);
      const home = homes.find((m) => m.userId === user.id)!;
      expect(file).toMatchObject({
        organizationId: home.organizationId,
        uploaderId: user.id,
        purpose: 'avatar',
        contentType: 'image/png',
        deletedAt: null,
      });
      expect(user.image).toBe(`/api/v1/files/${file.id}`);
      const bytes = readFileSync(storedPath(t, file.storageKey));
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height, meta.hasAlpha]).toEqual([PLACEHOLDER_SIZE, PLACEHOLDER_SIZE, true]);
      expect((await pixel(bytes, 0, 0)).alpha).toBe(0);
      expect(await pixel(bytes, PLACEHOLDER_SIZE / 2, 16)).toEqual({ hex: colourOf(`${user.firstName} ${user.lastName}`), alpha: 255 });
    }
    for (const org of await db().select().from(organizations))
      expect(await storageUsed(t, org.id), org.name).toBe(await liveFilesBytes(t, org.id));
  });

  it('serves them through the API, and /users/me shows them', async () => {
    const [jubail] = await db().select().from(organizations).where(eq(organizations.name, 'Jubail Polymers'));
    const logo = await fileById(jubail!.logoFileId!);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/files/${logo.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\//);
    expect(response.rawPayload.equals(readFileSync(storedPath(t, logo.storageKey)))).toBe(true);
    expect((await sharp(response.rawPayload).metadata()).width).toBe(PLACEHOLDER_SIZE);

    const withAvatar = DEMO_USERS.find((u) => u.organization === 'jubail-polymers' && DEMO_AVATAR_EMAILS.includes(u.email))!;
    const without = DEMO_USERS.find((u) => u.organization === 'jubail-polymers' && !DEMO_AVATAR_EMAILS.includes(u.email))!;
    const me = (await (await signInAs(withAvatar.email)).get('/api/v1/users/me')).json();
    expect(me.organization.logoUrl).toBe(`/api/v1/files/${logo.id}`);
    expect(me.avatarUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    const avatar = await t.app.inject({ method: 'GET', url: me.avatarUrl });
    expect([avatar.statusCode, avatar.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await (await signInAs(without.email)).get('/api/v1/users/me')).json().avatarUrl).toBeNull();
  });
});

describe('demo invitations', () => {
  const keys = [...new Set(DEMO_INVITATIONS.map((i) => i.organization))];

  it('shows each organization admin its invitations in every state', async () => {
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      const admin = await signInAs(adminOf(key));
      for (const state of ['pending', 'expired', 'accepted', 'cancelled'] as const) {
        const response = await admin.get(`/api/v1/invitations?status=${state}`);
        expect(response.statusCode, response.body).toBe(200);
        const expected = DEMO_INVITATIONS.filter((i) => i.organization === key && i.state === state);
        const items = response.json().items as Array<{
          email: string;
          status: string;
          role: string;
          message: string | null;
          acceptedAt: string | null;
          invitedBy: { name: string };
        }>;
        expect(items.map((i) => i.email).sort(), `${key} ${state}`).toEqual(expected.map((i) => i.email).sort());
        for (const item of items) {
          const demo = expected.find((i) => i.email === item.email)!;
          expect(item).toMatchObject({ status: state, role: demo.role, message: demo.message });
          expect(item.acceptedAt !== null).toBe(state === 'accepted');
          const inviter = DEMO_USERS.find((u) => u.email === adminOf(key))!;
          expect(item.invitedBy.name).toBe(`${inviter.firstName} ${inviter.lastName}`);
        }
      }
      const stats = (await admin.get('/api/v1/invitations/stats')).json();
      for (const state of ['pending', 'expired', 'accepted', 'cancelled'] as const) {
        expect(stats[state]).toBe(DEMO_INVITATIONS.filter((i) => i.organization === key && i.state === state).length);
      }
    }
    for (const state of ['pending', 'expired', 'accepted', 'cancelled']) expect(DEMO_INVITATIONS.some((i) => i.state === state)).toBe(true);
  });

  it('links an accepted invitation to the demo user and stores only 64-hex hashes, no token, no mail', async () => {
    const rows = await db().select().from(invitations);
    expect(rows).toHaveLength(DEMO_INVITATIONS.length);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      for (const value of Object.values(row)) if (typeof value === 'string') expect(value).not.toMatch(/^[A-Za-z0-9_-]{43}$/);
      if (row.status === 'accepted') {
        const [user] = await db().select().from(users).where(eq(users.email, row.email));
        expect(row.acceptedUserId).toBe(user!.id);
        expect(row.acceptedAt!.getTime()).toBe(user!.createdAt.getTime());
        expect(row.createdAt.getTime()).toBeLessThan(row.acceptedAt!.getTime());
      }
      if (row.status === 'cancelled') expect(row.cancelledAt).not.toBeNull();
    }
    expect(new Set(rows.map((r) => r.tokenHash)).size).toBe(rows.length);
    expect(
      await db()
        .select()
        .from(mailOutbox)
        .where(inArray(mailOutbox.recipient, [...DEMO_INVITATION_EMAILS])),
    ).toEqual([]);
  });

  it('a second seed adds no files, bytes or invitations', async () => {
    const before = await snapshot();
    const report = await seedDemo(db(), t.app.services.auth, storage);
    expect(report.created).toMatchObject({ logos: 0, avatars: 0, invitations: 0 });
    expect(report.repaired).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe('verify and clear with files and invitations', () => {
  it('verify catches a missing logo, missing bytes and invitations gone astray; a new seed repairs them', async () => {
    const aja = await orgByName('Aja Cement Company');
    const ajaAdmin = await signInAs(adminOf('aja-cement'));
    expect((await ajaAdmin.delete('/api/v1/organizations/me/logo')).statusCode).toBe(204);
    // With Aja's storage full the logo is skipped with a warning, and its bytes do not stay behind.
    const used = await storageUsed(t, aja.id);
    const onDisk = filesOnDisk(t).length;
    await db()
      .update(organizations)
      .set({ storageUsedBytes: TIER_LIMITS[aja.subscriptionTier].storageBytes! })
      .where(eq(organizations.id, aja.id));
    const full = await seedDemo(db(), t.app.services.auth, storage);
    expect(full.created).toMatchObject({ logos: 0, avatars: 0, invitations: 0 });
    expect(full.warnings).toEqual([expect.stringMatching(/^no logo for "Aja Cement Company": .*quota/)]);
    expect(filesOnDisk(t)).toHaveLength(onDisk);
    await db().update(organizations).set({ storageUsedBytes: used }).where(eq(organizations.id, aja.id));

    const najd = await orgByName('Najd Steel Works');
    const najdLogo = await fileById(najd.logoFileId!);
    const najdBytes = readFileSync(storedPath(t, najdLogo.storageKey));
    rmSync(storedPath(t, najdLogo.storageKey));
    const cancelled = DEMO_INVITATIONS.find((i) => i.state === 'cancelled')!;
    const pending = DEMO_INVITATIONS.find((i) => i.state === 'pending')!;
    await db().delete(invitations).where(eq(invitations.email, cancelled.email));
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.email, pending.email));
    const [stale] = await db().select().from(invitations).where(eq(invitations.email, pending.email));
    const oldHash = stale!.tokenHash;

    const bad = await verifyDemo(db(), storage);
    expect(bad.ok).toBe(false);
    const orgName = (key: string) => DEMO_ORGANIZATIONS.find((o) => o.key === key)!.name;
    expect([...bad.problems].sort()).toEqual(
      [
        'organization "Aja Cement Company" has no logo',
        `the logo of organization "Najd Steel Works" has no bytes in storage (${najdLogo.storageKey})`,
        `the invitation of ${cancelled.email} to "${orgName(cancelled.organization)}" is missing`,
        `the invitation of ${pending.email} to "${orgName(pending.organization)}" is expired, expected pending`,
      ].sort(),
    );
    expect(bad.checks.find((c) => c.label === 'organization logos')).toEqual({
      label: 'organization logos',
      demo: DEMO_ORGANIZATION_COUNT - 2,
      expected: DEMO_ORGANIZATION_COUNT,
    });
    expect(bad.checks.find((c) => c.label === 'invitations cancelled')!.demo).toBe(
      DEMO_INVITATIONS.filter((i) => i.state === 'cancelled').length - 1,
    );
    // Without a storage only the database is checked.
    expect((await verifyDemo(db())).problems).toHaveLength(3);

    const repair = await seedDemo(db(), t.app.services.auth, storage);
    expect(repair.created).toMatchObject({ logos: 1, avatars: 0, invitations: 1 });
    expect(repair.repaired).toBe(1);
    const [renewed] = await db().select().from(invitations).where(eq(invitations.email, pending.email));
    expect(renewed!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(renewed!.tokenHash).not.toBe(oldHash);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect((await orgByName('Aja Cement Company')).logoFileId).not.toBeNull();
    expect(await storageUsed(t, aja.id)).toBe(await liveFilesBytes(t, aja.id));
    expect((await verifyDemo(db(), storage)).problems).toEqual([
      `the logo of organization "Najd Steel Works" has no bytes in storage (${najdLogo.storageKey})`,
    ]);
    writeFileSync(storedPath(t, najdLogo.storageKey), najdBytes);
    expect(await verifyDemo(db(), storage)).toMatchObject({ ok: true, problems: [] });
  });

  it('clear removes demo invitations and files with their bytes, and keeps the files of kept organizations and of others', async () => {
    // Someone with the name of a demo company uploads a logo of their own.
    const outsider = await signUp(t.app, { organizationName: 'Red Sea Food Industries' });
    const outsiderLogo = await uploadProfileImage(outsider.client, '/api/v1/organizations/me/logo', await solidImage(300, 200, 'png'));
    expect(outsiderLogo.statusCode, outsiderLogo.body).toBe(200);
    const outsiderFile = await fileById(outsiderLogo.json().id);
    // Someone outside the demo joins Aja Cement, which is therefore kept.
    const guest = await signUp(t.app, { organizationName: 'Temporary Co' });
    const guestId = (await guest.client.get('/api/v1/users/me')).json().id as string;
    const aja = await orgByName('Aja Cement Company');
    await db().update(memberships).set({ organizationId: aja.id, role: 'member' }).where(eq(memberships.userId, guestId));

    const live = await db().select().from(files).where(isNull(files.deletedAt));
    const ajaLogo = live.find((f) => f.id === aja.logoFileId)!;
    const demoFiles = live.filter((f) => f.id !== ajaLogo.id && f.id !== outsiderFile.id);
    expect(demoFiles).toHaveLength(DEMO_AVATAR_EMAILS.length + DEMO_ORGANIZATION_COUNT - 1 + DEMO_COVER_TITLES.length);

    const report = await clearDemo(db(), storage);
    expect(report).toMatchObject({
      invitations: DEMO_INVITATIONS.length,
      files: demoFiles.length,
      keptOrganizations: ['Aja Cement Company'],
      warnings: [],
    });
    expect(await db().select().from(invitations)).toEqual([]);
    for (const file of demoFiles) expect(hasBytes(t, file.storageKey), `${file.purpose} ${file.storageKey}`).toBe(false);
    expect(filesOnDisk(t).sort()).toEqual([ajaLogo.storageKey, outsiderFile.storageKey].sort());
    const remaining = await db().select().from(files).where(isNull(files.deletedAt));
    expect(remaining.map((f) => f.id).sort()).toEqual([ajaLogo.id, outsiderFile.id].sort());
    expect((await orgByName('Aja Cement Company')).logoFileId).toBe(ajaLogo.id);
    for (const id of [aja.id, outsiderFile.organizationId]) expect(await storageUsed(t, id)).toBe(await liveFilesBytes(t, id));
    expect(await storageUsed(t, aja.id)).toBe(ajaLogo.sizeBytes);
    expect(await storageUsed(t, outsiderFile.organizationId)).toBe(outsiderFile.sizeBytes);
  });
});
