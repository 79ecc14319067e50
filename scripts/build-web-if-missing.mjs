// `npm start` serves the built web app; build it once on a fresh clone so the two commands suffice.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../web/dist/index.html', import.meta.url))) {
  console.log('Building the web app (first start)…');
  execSync('npm run build -w @p2p/web', { stdio: 'inherit' });
}
