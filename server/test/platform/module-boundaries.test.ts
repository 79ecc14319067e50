import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No module names another module's table in SQL: a cross-module question is asked through the module
// that owns the table (its index.ts exports a function or an SQL fragment built from its own tables).
// The lint keeps the imports honest (no cycle, only through index.ts); this keeps the SQL text honest.

const MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/modules');

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** Table name → owning module, from each module's *.tables.ts. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const module of readdirSync(MODULES)) {
    for (const file of filesOf(path.join(MODULES, module)).filter((f) => f.endsWith('.tables.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/pgTable\(\s*'([a-z_]+)'/g)) owners.set(match[1]!, module);
    }
  }
  return owners;
}

/** Places in a module's raw SQL that name a table of another module (from/join/into/update/table). */
export function foreignTableReferences(owners: Map<string, string>): string[] {
  const found: string[] = [];
  for (const module of readdirSync(MODULES)) {
    for (const file of filesOf(path.join(MODULES, module))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const match of line.matchAll(/\b(?:from|join|into|update|table)\s+([a-z_]+)\b/gi)) {
          const owner = owners.get(match[1]!);
          if (owner && owner !== module) {
            found.push(`${path.relative(MODULES, file)}:${index + 1} names ${owner}'s table ${match[1]}`);
          }
        }
      });
    }
  }
  return found;
}

describe('module boundaries in SQL', () => {
  it('knows the tables of every module', () => {
    const owners = tableOwners();
    expect(owners.get('forum_topics')).toBe('forum');
    expect(owners.get('use_cases')).toBe('use-cases');
    expect(owners.get('users')).toBe('users');
    expect(owners.get('organizations')).toBe('organizations');
    expect(owners.get('files')).toBe('files');
  });

  it('finds no raw SQL naming another module’s table', () => {
    expect(foreignTableReferences(tableOwners())).toEqual([]);
  });
});
