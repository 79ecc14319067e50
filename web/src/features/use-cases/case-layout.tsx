import { AppShell } from '../../components/layout/app-shell.js';
import { PublicLayout } from '../../components/layout/public-layout.js';
import { Spinner } from '../../components/ui/feedback.js';
import { useMe } from '../../lib/session.js';

/**
 * The frame of pages that guests may open too (a public use case): the signed-in navigation for members,
 * the public header with sign-in links for guests.
 */
export function CaseLayout() {
  const { data: me, isPending } = useMe();
  if (isPending) return <Spinner />;
  return me ? <AppShell me={me} /> : <PublicLayout />;
}
