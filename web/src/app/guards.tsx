import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useRouteError, useSearchParams } from 'react-router';
import { AppShell } from '../components/layout/app-shell.js';
import { safeNext, signInPath } from '../features/auth/next-path.js';
import { Alert, Spinner } from '../components/ui/feedback.js';
import { errorMessage } from '../lib/form-errors.js';
import { SIGNED_OUT_KEY, useMe } from '../lib/session.js';
import { useQueryClient } from '@tanstack/react-query';

/** Pages for signed-in users: guests are sent to sign in and come back afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: me, isPending, isError, error, refetch } = useMe();
  if (isPending) return <Spinner />;
  if (isError) {
    return (
      <main id="main" className="main">
        <Alert tone="error">
          {errorMessage(t, error)}{' '}
          <button type="button" className="button button--small" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </Alert>
      </main>
    );
  }
  if (!me) {
    const signedOut = queryClient.getQueryData<boolean>(SIGNED_OUT_KEY) === true;
    return <Navigate to={signedOut ? '/sign-in' : signInPath(location.pathname + location.search + location.hash)} replace />;
  }
  return <AppShell me={me} />;
}

/**
 * Sign-in and sign-up are for guests; a signed-in user goes on to the page they were sent from
 * (`next`, when it is a path of this app) or to the dashboard. This is also what moves a user on
 * right after signing in: the session query turns signed-in before the form's own navigation.
 */
export function GuestOnly() {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) return <Spinner />;
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main" className="main">
      <div className="card card--narrow">
        <h1>{t('common.errorTitle')}</h1>
        <Alert tone="error">{errorMessage(t, error)}</Alert>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </div>
    </main>
  );
}
