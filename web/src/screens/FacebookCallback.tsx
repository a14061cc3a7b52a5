import { ok } from '@entropy/client';
import { useEffect, useRef, useState } from 'react';
import { api, messageOf } from '../api';
import { clearPendingLink, readPendingLink, type PendingLink } from '../linking';
import { navigate } from '../router';
import { Link } from '../ui';

/**
 * FACEBOOK_LINK_REDIRECT_URI lands here with ?code&state (or Facebook's ?error=...): the code and
 * state go to the API, which exchanges the code; then back to the organization's credentials.
 */
export function FacebookCallback() {
  const [problem, setProblem] = useState<string>();
  const [pending] = useState<PendingLink | undefined>(readPendingLink);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    clearPendingLink();
    const params = new URLSearchParams(window.location.search);
    // The code is single use: keep it out of the history and of a reload.
    window.history.replaceState(null, '', window.location.pathname);
    const code = params.get('code');
    const state = params.get('state');
    if (params.get('error')) return setProblem(params.get('error_description') ?? params.get('error')!);
    if (!pending) return setProblem('No Facebook connection was started from this tab.');
    if (!code || !state) return setProblem('Facebook came back without a code.');
    const id = pending.organizationId;
    const send =
      pending.credentialId === undefined
        ? ok(api.POST('/v1/organizations/{id}/credentials', { params: { path: { id } }, body: { code, state } }))
        : ok(api.PUT('/v1/organizations/{id}/credentials/{credentialId}', { params: { path: { id, credentialId: pending.credentialId } }, body: { code, state } }));
    send.then(
      (credential) => navigate(`/orgs/${id}/credentials?linked=${encodeURIComponent(credential.name)}`),
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [pending]);

  if (!problem) return <p role="status">Connecting the Facebook account…</p>;
  return (
    <div>
      <p className="error" role="alert">
        {problem}
      </p>
      {pending ? <Link to={`/orgs/${pending.organizationId}/credentials`}>Back to the credentials</Link> : <Link to="/">Back to my organizations</Link>}
    </div>
  );
}
