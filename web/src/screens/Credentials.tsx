import { ok, page } from '@entropy/client';
import { api } from '../api';
import { startLink } from '../linking';
import { ErrorText, formatTime, PagedFooter, useAction, usePaged } from '../ui';

export function Credentials({ id }: { id: string }) {
  const credentials = usePaged((cursor) => page(api.GET('/v1/organizations/{id}/credentials', { params: { path: { id }, query: { per: 20, cursor } } })), [id]);
  const connect = useAction((credentialId?: number) => startLink({ organizationId: id, credentialId }));
  const unlink = useAction(async (credentialId: number) => {
    await ok(api.DELETE('/v1/organizations/{id}/credentials/{credentialId}', { params: { path: { id, credentialId } } }));
    credentials.reload();
  });
  const notice = new URLSearchParams(window.location.search).get('linked');

  return (
    <div>
      <h2>Facebook credentials</h2>
      {notice && <p role="status">Connected {notice}.</p>}
      <button type="button" disabled={connect.busy} onClick={() => connect.run()}>
        {connect.busy ? 'Opening Facebook…' : 'Connect a Facebook account'}
      </button>
      <ErrorText error={connect.error} />
      <ErrorText error={unlink.error} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Facebook id</th>
            <th>Status</th>
            <th>Scopes</th>
            <th>Expires</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {credentials.items.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.facebook_user_id}</td>
              <td>{c.status}</td>
              <td>{c.scopes.join(', ')}</td>
              <td>{formatTime(c.expires_at)}</td>
              <td>
                <div className="row">
                  <button type="button" className="secondary" disabled={connect.busy} onClick={() => connect.run(c.id)}>
                    Re-link
                  </button>
                  <button type="button" className="secondary" disabled={unlink.busy} onClick={() => unlink.run(c.id)}>
                    Unlink
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PagedFooter list={credentials} what="credentials" />
    </div>
  );
}
