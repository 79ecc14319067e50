import { AppShell } from '../../components/layout/app-shell.js';
import { PublicLayout } from '../../components/layout/public-layout.js';
import { Spinner } from '../../components/ui/feedback.js';
import { useMe } from '../../lib/session.js';

/**
 * The frame of pages guests may read too (the library, search, location): the signed-in app shell for
 * members, the public frame for guests. A failed session check is treated as a guest: the pages only
 * read public data, and the shell's own pages still require sign-in.
 */
export function LibraryLayout() {
  const { data: me, isPending } = useMe();
  if (isPending) return <Spinner />;
  return me ? <AppShell me={me} /> : <PublicLayout />;
}
