import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestContext } from '../helpers/app.js';
import { insertMember, insertOrganizationWithAdmin, type Person } from '../helpers/people.js';
import type { OrganizationFixture } from '../invitations/factories.js';
import { writeCase } from './factories.js';

// The vocabulary (GET /use-cases/terms) counts over the cases the reader may see: a guest the public
// published ones, a member also their organization's organization-only, private and draft cases as
// the read rules let them see them. Labels used only on other companies' hidden cases never show.

let t: TestContext;
let owner: OrganizationFixture;
let colleague: Person;
let other: OrganizationFixture;
let guest: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  owner = await insertOrganizationWithAdmin(t.app, t.database.db, 'Riyadh Steel');
  colleague = await insertMember(t.app, t.database.db, owner.organizationId);
  other = await insertOrganizationWithAdmin(t.app, t.database.db, 'Jeddah Foods');
  guest = new TestClient(t.app);
  await writeCase(owner.admin, { technologies: ['Shared PLC'], tags: ['packaging'] });
  await writeCase(other.admin, { technologies: ['Shared PLC'], tags: ['packaging'] });
  await writeCase(owner.admin, { technologies: ['Shared PLC', 'Internal MES'], tags: ['org-only-tag'], visibility: 'organization' });
  await writeCase(colleague.client, { technologies: ['Secret Robot'], tags: ['private-tag'], visibility: 'private' });
  await writeCase(owner.admin, { technologies: ['Draft Twin'], tags: ['draft-tag'], publish: false });
});
afterAll(() => t.close());

async function terms(client: TestClient, query: string): Promise<{ name: string; usesCount: number }[]> {
  const response = await client.get(`/api/v1/use-cases/terms?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe('the vocabulary per reader', () => {
  it('shows the owning company its organization-only, private and draft labels with their counts, as the read rules allow', async () => {
    // Asked first by the owner: a cache shared across scopes would then answer the others with these counts.
    expect(await terms(owner.admin, 'kind=technology')).toEqual([
      { name: 'Shared PLC', usesCount: 3 },
      { name: 'Draft Twin', usesCount: 1 },
      { name: 'Internal MES', usesCount: 1 },
      { name: 'Secret Robot', usesCount: 1 },
    ]);
    // A member sees the organization's shared cases and their own private one, not a colleague's draft.
    expect(await terms(colleague.client, 'kind=technology')).toEqual([
      { name: 'Shared PLC', usesCount: 3 },
      { name: 'Internal MES', usesCount: 1 },
      { name: 'Secret Robot', usesCount: 1 },
    ]);
    expect((await terms(owner.admin, 'kind=tag')).map((term) => term.name)).toEqual(
      expect.arrayContaining(['packaging', 'org-only-tag', 'private-tag', 'draft-tag']),
    );
    expect(await terms(owner.admin, 'kind=technology&q=intern')).toEqual([{ name: 'Internal MES', usesCount: 1 }]);
  });

  it('shows a guest only labels of public published cases, counted over those', async () => {
    expect(await terms(guest, 'kind=technology')).toEqual([{ name: 'Shared PLC', usesCount: 2 }]);
    expect(await terms(guest, 'kind=tag')).toEqual([{ name: 'packaging', usesCount: 2 }]);
    for (const q of ['intern', 'secret', 'draft', 'mes', 'robot']) expect(await terms(guest, `kind=technology&q=${q}`), q).toEqual([]);
    expect(await terms(guest, 'kind=technology&q=plc')).toEqual([{ name: 'Shared PLC', usesCount: 2 }]);
  });

  it('shows a member of another company what a guest sees', async () => {
    expect(await terms(other.admin, 'kind=technology')).toEqual([{ name: 'Shared PLC', usesCount: 2 }]);
    for (const q of ['org-only', 'private', 'draft']) expect(await terms(other.admin, `kind=tag&q=${q}`), q).toEqual([]);
  });

  it('counts a new public case at once, for every reader', async () => {
    await writeCase(other.admin, { technologies: ['Shared PLC', 'Edge AI'] });
    expect(await terms(guest, 'kind=technology')).toEqual([
      { name: 'Shared PLC', usesCount: 3 },
      { name: 'Edge AI', usesCount: 1 },
    ]);
    expect((await terms(owner.admin, 'kind=technology'))[0]).toEqual({ name: 'Shared PLC', usesCount: 4 });
  });
});
