import { ApiError, ok } from '@entropy/client';
import { api, signInUrl } from './api';
import { FacebookCallback } from './screens/FacebookCallback';
import { OrganizationScreen } from './screens/Organization';
import { Organizations } from './screens/Organizations';
import { SignIn } from './screens/SignIn';
import { navigate, usePath } from './router';
import { ErrorText, Link, Loading, useAction, useLoad } from './ui';

export function App() {
  const path = usePath();
  const me = useLoad(async () => {
    try {
      return await ok(api.GET('/v1/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }, []);
  const signOut = useAction(async () => {
    await ok(api.POST('/v1/auth/logout'));
    navigate('/');
    me.reload();
  });

  if (me.loading && me.data === undefined) return <Loading what="your session" />;
  if (me.error) return <ErrorText error={me.error} />;
  if (!me.data) return <SignIn href={signInUrl()} />;

  const org = /^\/orgs\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
  return (
    <>
      <header>
        <Link to="/" className="brand">
          Entropy
        </Link>
        <span className="who" data-testid="who">
          {me.data.name}
          {me.data.email ? ` <${me.data.email}>` : ''}
        </span>
        <button type="button" className="secondary" disabled={signOut.busy} onClick={() => signOut.run()}>
          Sign out
        </button>
      </header>
      <main>
        <ErrorText error={signOut.error} />
        {path === '/facebook/callback' ? (
          <FacebookCallback />
        ) : org ? (
          <OrganizationScreen id={org[1]!} tab={org[2] ?? 'profile'} />
        ) : (
          <Organizations />
        )}
      </main>
    </>
  );
}
