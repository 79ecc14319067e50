// The lint rule that keeps module boundaries: code outside a server module enters it only through
// its index.ts, and a web feature imports another feature only through that feature's index.ts.
// Tests may reach into a module (they test its internals); nothing else may.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The area a file belongs to, e.g. { kind: 'server module', root: '/…/server/src/modules/forum' }. */
function areaOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'server' && rel[1] === 'src' && rel[2] === 'modules' && rel.length > 4) {
    return { kind: 'server module', name: rel[3], root: path.join(ROOT, 'server/src/modules', rel[3]) };
  }
  if (rel[0] === 'web' && rel[1] === 'src' && rel[2] === 'features' && rel.length > 4) {
    return { kind: 'web feature', name: rel[3], root: path.join(ROOT, 'web/src/features', rel[3]) };
  }
  return null;
}

const isEntry = (target, area) => /^index\.(js|ts|tsx)$/.test(path.relative(area.root, target));

export const moduleBoundaries = {
  rules: {
    'module-entry': {
      meta: {
        type: 'problem',
        docs: { description: 'Another module is entered only through its index.ts' },
        messages: {
          entry: "'{{source}}' reaches into the {{kind}} '{{name}}' past its index.ts: export what you need from '{{name}}/index.ts'.",
        },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const rel = path.relative(ROOT, file);
        if (rel.startsWith('server/test/') || rel.startsWith('web/test/') || /\.test\.tsx?$/.test(rel)) return {};
        const own = areaOf(file);
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), source);
          const area = areaOf(target);
          if (!area || (own && own.root === area.root)) return;
          // Web: only feature-to-feature imports are held to the entry (the router may load pages).
          if (area.kind === 'web feature' && !own) return;
          if (isEntry(target, area)) return;
          // Foreign keys: a table file may name another module's table, and the schema gathers them all.
          if (/\.tables\.js$/.test(target) && (/\.tables\.ts$/.test(rel) || rel === 'server/src/platform/schema.ts')) return;
          context.report({ node: node.source, messageId: 'entry', data: { source, kind: area.kind, name: area.name } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};
