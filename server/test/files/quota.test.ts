import { TIER_LIMITS } from '@p2p/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../src/modules/organizations/index.js';
import { queryRows, toNumber } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { type TestClient, expectProblem, signUp } from '../helpers/app.js';
import { minimalPdf, noisyImage } from './fixtures.js';
import {
  type FilesTestContext,
  createFilesTestApp,
  fileRow,
  filesOnDisk,
  hasBytes,
  liveFilesBytes,
  organizationIdOf,
  storageUsed,
  upload,
} from './helpers.js';

let t: FilesTestContext;
beforeAll(async () => {
  t = await createFilesTestApp();
});
afterAll(() => t.close());

const TRIAL_QUOTA = TIER_LIMITS.trial.storageBytes!;

async function newOrganization(): Promise<{ client: TestClient; organizationId: string }> {
  const { client } = await signUp(t.app, { organizationName: 'Eastern Valves' });
  return { client, organizationId: await organizationIdOf(client) };
}

async function setOrganization(organizationId: string, values: Partial<typeof organizations.$inferInsert>) {
  await t.database.db.update(organizations).set(values).where(eq(organizations.id, organizationId));
}

describe('storage quota', () => {
  it('counts each upload and frees it on delete; the bytes leave the disk after commit', async () => {
    const { client, organizationId } = await newOrganization();
    expect(await storageUsed(t, organizationId)).toBe(0);
    const first = (await upload(client, { filename: 'a.pdf', data: minimalPdf() })).json();
    const image = await noisyImage(64, 64, 'png');
    const second = (await upload(client, { filename: 'b.png', data: image })).json();
    expect(await storageUsed(t, organizationId)).toBe(minimalPdf().length + image.length);
    const { storageKey } = await fileRow(t, first.id);
    expect(hasBytes(t, storageKey)).toBe(true);

    expect((await client.delete(first.url)).statusCode).toBe(204);
    expect(await storageUsed(t, organizationId)).toBe(image.length);
    expect(hasBytes(t, storageKey)).toBe(false);
    expect((await fileRow(t, first.id)).deletedAt).toBeInstanceOf(Date);
    expectProblem(await client.get(first.url), 404, 'NOT_FOUND');
    expectProblem(await client.delete(first.url), 404, 'NOT_FOUND');
    expect(await storageUsed(t, organizationId)).toBe(image.length);
    expect((await client.get(second.url)).statusCode).toBe(200);
  });

  it("refuses what does not fit in the tier's quota with 413, keeping no bytes, and follows tier changes", async () => {
    const { client, organizationId } = await newOrganization();
    const pdf = minimalPdf();
    await setOrganization(organizationId, { subscriptionTier: 'trial', storageUsedBytes: TRIAL_QUOTA - pdf.length + 1 });
    const before = filesOnDisk(t).length;
    const refused = expectProblem(await upload(client, { filename: 'a.pdf', data: pdf }), 413, 'STORAGE_QUOTA_EXCEEDED');
    expect(refused.detail).toMatch(/quota/);
    expect(filesOnDisk(t).length).toBe(before);
    expect(await storageUsed(t, organizationId)).toBe(TRIAL_QUOTA - pdf.length + 1);

    // Exactly up to the quota is allowed.
    await setOrganization(organizationId, { storageUsedBytes: TRIAL_QUOTA - pdf.length });
    expect((await upload(client, { filename: 'a.pdf', data: pdf })).statusCode).toBe(201);
    expect(await storageUsed(t, organizationId)).toBe(TRIAL_QUOTA);
    expectProblem(await upload(client, { filename: 'b.pdf', data: pdf }), 413, 'STORAGE_QUOTA_EXCEEDED');

    await setOrganization(organizationId, { subscriptionTier: 'basic' });
    expect((await upload(client, { filename: 'b.pdf', data: pdf })).statusCode).toBe(201);

    // Enterprise has no limit.
    await setOrganization(organizationId, { subscriptionTier: 'enterprise', storageUsedBytes: 50 * 1024 ** 4 });
    expect((await upload(client, { filename: 'c.pdf', data: pdf })).statusCode).toBe(201);
    expect(await storageUsed(t, organizationId)).toBe(50 * 1024 ** 4 + pdf.length);
  });

  it('never passes the quota under 20 parallel uploads, and the counter always equals the live files', async () => {
    const { client, organizationId } = await newOrganization();
    const pdf = minimalPdf();
    const baseline = TRIAL_QUOTA - 7 * pdf.length - Math.floor(pdf.length / 2);
    await setOrganization(organizationId, { storageUsedBytes: baseline });
    const diskBefore = filesOnDisk(t).length;

    // The counter and the live files, sampled while the uploads run: by a loop, and after each upload's
    // answer, so that there are at least 20 samples however a busy machine schedules the loop.
    const samples: Array<{ used: number; live: number }> = [];
    const sample = async () => {
      const [found] = await queryRows(
        t.database.db,
        row({ used: col.bigint, live: col.numeric }),
        sql`select o.storage_used_bytes as used, (select coalesce(sum(size_bytes), 0) from files f where f.organization_id = o.id and f.deleted_at is null) as live from organizations o where o.id = ${organizationId}`,
      );
      samples.push({ used: toNumber(found?.used), live: toNumber(found?.live) });
    };
    let running = true;
    const sampler = (async () => {
      while (running) {
        await sample();
        // Only paces the loop (the uploads get the database in between); nothing waits for time here.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const responses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await upload(client, { filename: `part-${i}.pdf`, data: pdf });
        await sample();
        return response;
      }),
    );
    running = false;
    await sampler;

    const accepted = responses.filter((r) => r.statusCode === 201);
    expect(accepted).toHaveLength(7);
    for (const response of responses.filter((r) => r.statusCode !== 201)) expectProblem(response, 413, 'STORAGE_QUOTA_EXCEEDED');
    const used = await storageUsed(t, organizationId);
    expect(used).toBe(baseline + 7 * pdf.length);
    expect(used).toBeLessThanOrEqual(TRIAL_QUOTA);
    expect(used - baseline).toBe(await liveFilesBytes(t, organizationId));
    expect(samples.length).toBeGreaterThanOrEqual(20);
    for (const sample of samples) {
      expect(sample.used).toBeLessThanOrEqual(TRIAL_QUOTA);
      expect(sample.used - baseline).toBe(sample.live);
    }
    // The refused uploads left no bytes behind.
    expect(filesOnDisk(t).length).toBe(diskBefore + 7);
  });

  it('frees a file once when it is deleted several times at once', async () => {
    const { client, organizationId } = await newOrganization();
    const pdf = minimalPdf();
    const keep = (await upload(client, { filename: 'keep.pdf', data: pdf })).json();
    const target = (await upload(client, { filename: 'gone.pdf', data: pdf })).json();
    const responses = await Promise.all(Array.from({ length: 5 }, () => client.delete(target.url)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([204, 404, 404, 404, 404]);
    expect(await storageUsed(t, organizationId)).toBe(pdf.length);
    expect(await liveFilesBytes(t, organizationId)).toBe(pdf.length);
    expect((await client.get(keep.url)).statusCode).toBe(200);
  });

  it('removes the written bytes and counts nothing when the transaction fails after the write', async () => {
    const { client, organizationId } = await newOrganization();
    const diskBefore = filesOnDisk(t);
    await t.database.db.execute(
      sql`create function fail_file_insert() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$`,
    );
    await t.database.db.execute(
      sql`create trigger fail_file_insert before insert on files for each row execute function fail_file_insert()`,
    );
    try {
      const response = await upload(client, { filename: 'a.pdf', data: minimalPdf() });
      expectProblem(response, 500, 'INTERNAL');
    } finally {
      await t.database.db.execute(sql`drop trigger fail_file_insert on files`);
      await t.database.db.execute(sql`drop function fail_file_insert()`);
    }
    expect(filesOnDisk(t)).toEqual(diskBefore);
    expect(await storageUsed(t, organizationId)).toBe(0);
    expect((await upload(client, { filename: 'a.pdf', data: minimalPdf() })).statusCode).toBe(201);
    expect(filesOnDisk(t)).toHaveLength(diskBefore.length + 1);
  });
});
