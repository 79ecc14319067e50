import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { files } from '../../src/modules/files/index.js';
import { memberships, organizations } from '../../src/modules/organizations/index.js';
import { toNumber } from '../../src/platform/db.js';
import { type TestClient, type TestContext, createTestApp, signUp } from '../helpers/app.js';

export interface FilesTestContext extends TestContext {
  dataDir: string;
  uploadsDir: string;
}

/** The app on a fresh database and a fresh DATA_DIR, so the bytes on disk belong to this file's tests. */
export async function createFilesTestApp(env: Record<string, string> = {}): Promise<FilesTestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-files-'));
  const t = await createTestApp({ DATA_DIR: dataDir, ...env });
  return {
    ...t,
    dataDir,
    uploadsDir: path.join(dataDir, 'uploads'),
    async close() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Part = { name: string; value: string } | { name: string; filename: string; contentType?: string; data: Buffer };

/** A multipart/form-data body, built by hand so tests control every byte and the order of parts. */
export function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----p2p${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      chunks.push(part.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadOptions {
  purpose?: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** POST /api/v1/files with `purpose` then `file`. */
export function upload(
  client: TestClient,
  { purpose = 'attachment', filename = 'file.bin', contentType, data }: UploadOptions,
): Promise<LightMyRequestResponse> {
  return send(client, '/api/v1/files', [
    { name: 'purpose', value: purpose },
    { name: 'file', filename, data, ...(contentType ? { contentType } : {}) },
  ]);
}

/** POST to a profile-image route (avatar or logo) with one `file` part. */
export function uploadProfileImage(client: TestClient, url: string, data: Buffer, filename = 'image.png'): Promise<LightMyRequestResponse> {
  return send(client, url, [{ name: 'file', filename, contentType: 'image/png', data }]);
}

export function send(client: TestClient, url: string, parts: Part[]): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipart(parts);
  return client.request({ method: 'POST', url, body: payload, headers: { 'content-type': contentType } });
}

export async function organizationIdOf(client: TestClient): Promise<string> {
  const me = await client.get('/api/v1/users/me');
  if (me.statusCode !== 200) throw new Error(`GET /users/me answered ${me.statusCode}`);
  return (me.json() as { organization: { id: string } }).organization.id;
}

/** A new account moved into `organizationId` with `role` (invitations are another module's business). */
export async function addMember(t: TestContext, organizationId: string, role: 'admin' | 'member'): Promise<TestClient> {
  const { client } = await signUp(t.app, { organizationName: 'Temporary' });
  const me = (await client.get('/api/v1/users/me')).json() as { id: string };
  await t.database.db.update(memberships).set({ organizationId, role }).where(eq(memberships.userId, me.id));
  return client;
}

export async function storageUsed(t: TestContext, organizationId: string): Promise<number> {
  const [row] = await t.database.db
    .select({ used: organizations.storageUsedBytes })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return toNumber(row?.used);
}

export async function liveFilesBytes(t: TestContext, organizationId: string): Promise<number> {
  const [row] = await t.database.db
    .select({ total: sql<unknown>`coalesce(sum(${files.sizeBytes}), 0)` })
    .from(files)
    .where(and(eq(files.organizationId, organizationId), isNull(files.deletedAt)));
  return toNumber(row?.total);
}

export async function fileRow(t: TestContext, id: string) {
  const [row] = await t.database.db.select().from(files).where(eq(files.id, id));
  if (!row) throw new Error(`no files row ${id}`);
  return row;
}

export function storedPath(t: FilesTestContext, storageKey: string): string {
  return path.join(t.uploadsDir, ...storageKey.split('/'));
}

export function hasBytes(t: FilesTestContext, storageKey: string): boolean {
  return existsSync(storedPath(t, storageKey));
}

/** Every file under the uploads directory, relative to it. */
export function filesOnDisk(t: FilesTestContext): string[] {
  if (!existsSync(t.uploadsDir)) return [];
  return readdirSync(t.uploadsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(t.uploadsDir, path.join(entry.parentPath, entry.name)));
}
