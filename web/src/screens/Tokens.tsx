import { ok, page } from '@entropy/client';
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorText, formatTime, PagedFooter, ShownOnce, useAction, usePaged } from '../ui';

export function Tokens({ id }: { id: string }) {
  const tokens = usePaged(
    (cursor) => page(api.GET('/v1/organizations/{id}/authorization_tokens', { params: { path: { id }, query: { per: 20, cursor } } })),
    [id],
  );
  const [description, setDescription] = useState('');
  const [rights, setRights] = useState({ read_enabled: true, write_enabled: false, delete_enabled: false });
  // The new token lives in this component's memory only, never in storage.
  const [issued, setIssued] = useState<string>();

  const issue = useAction(async (event: FormEvent) => {
    event.preventDefault();
    const created = await ok(
      api.POST('/v1/organizations/{id}/authorization_tokens', { params: { path: { id } }, body: { description: description || null, ...rights } }),
    );
    setIssued(created.token);
    setDescription('');
    tokens.reload();
  });
  const revoke = useAction(async (tokenId: string) => {
    await ok(api.DELETE('/v1/organizations/{id}/authorization_tokens/{tokenId}', { params: { path: { id, tokenId } } }));
    tokens.reload();
  });

  return (
    <div>
      <h2>Authorization tokens</h2>
      <form className="row" onSubmit={(e) => issue.run(e)}>
        <label>
          Description <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={255} />
        </label>
        {(['read_enabled', 'write_enabled', 'delete_enabled'] as const).map((right) => (
          <label key={right} className="check">
            <input type="checkbox" checked={rights[right]} onChange={(e) => setRights({ ...rights, [right]: e.target.checked })} />
            {right.replace('_enabled', '')}
          </label>
        ))}
        <button type="submit" disabled={issue.busy}>
          {issue.busy ? 'Issuing…' : 'Issue token'}
        </button>
      </form>
      <ErrorText error={issue.error} />
      {issued && <ShownOnce label="New token" secret={issued} onDone={() => setIssued(undefined)} />}
      <ErrorText error={revoke.error} />
      <table>
        <thead>
          <tr>
            <th>Description</th>
            <th>Token</th>
            <th>Rights</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.items.map((t) => (
            <tr key={t.id}>
              <td>{t.description ?? '—'}</td>
              <td>
                <code>…{t.token_hint}</code>
              </td>
              <td>{[t.read_enabled && 'read', t.write_enabled && 'write', t.delete_enabled && 'delete'].filter(Boolean).join(', ')}</td>
              <td>{formatTime(t.created_at)}</td>
              <td>{formatTime(t.last_used_at)}</td>
              <td>
                <button type="button" className="secondary" disabled={revoke.busy} onClick={() => revoke.run(t.id)}>
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PagedFooter list={tokens} what="tokens" />
    </div>
  );
}
