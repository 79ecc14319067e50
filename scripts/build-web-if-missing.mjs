// `npm start` serves the built web app; build it on a fresh clone, and again whenever the web app's
// sources (or the shared contracts) are newer than the build, so a pull never serves a stale app.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}web/dist/index.html`;

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(`${path}/${name}`)), stat.mtimeMs);
}

const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'packages/contracts/src']
  .map((p) => `${root}${p}`)
  .filter((p) => existsSync(p));
const stale = !existsSync(built) || Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
if (stale) {
  console.log(existsSync(built) ? 'Rebuilding the web app (its sources changed)…' : 'Building the web app (first start)…');
  execSync('npm run build -w @p2p/web', { stdio: 'inherit', cwd: root });
}
