import { ok, page, type Schemas } from '@entropy/client';
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorText, formatTime, PagedFooter, useAction, usePaged } from '../ui';

type Role = Schemas['AddMemberRequestDto']['role'];
const ROLES: Role[] = ['member', 'admin', 'owner'];

export function Members({ id }: { id: string }) {
  const members = usePaged((cursor) => page(api.GET('/v1/organizations/{id}/members', { params: { path: { id }, query: { per: 20, cursor } } })), [id]);
  const invitations = usePaged((cursor) => page(api.GET('/v1/organizations/{id}/invitations', { params: { path: { id }, query: { per: 20, cursor } } })), [id]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const refresh = () => {
    members.reload();
    invitations.reload();
  };

  const add = useAction(async (event: FormEvent) => {
    event.preventDefault();
    await ok(api.POST('/v1/organizations/{id}/members', { params: { path: { id } }, body: { email, role } }));
    setEmail('');
    refresh();
  });
  const remove = useAction(async (userId: number) => {
    await ok(api.DELETE('/v1/organizations/{id}/members/{userId}', { params: { path: { id, userId } } }));
    refresh();
  });
  const revoke = useAction(async (invitationId: string) => {
    await ok(api.DELETE('/v1/organizations/{id}/invitations/{invitationId}', { params: { path: { id, invitationId } } }));
    refresh();
  });

  return (
    <div>
      <h2>Members</h2>
      <form className="row" onSubmit={(e) => add.run(e)}>
        <label>
          Email <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={add.busy}>
          {add.busy ? 'Inviting…' : 'Add or invite'}
        </button>
      </form>
      <ErrorText error={add.error} />
      <ErrorText error={remove.error} />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th>Joined</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.items.map((m) => (
            <tr key={m.id ?? m.invitation_id}>
              <td>{m.name ?? '—'}</td>
              <td>{m.email}</td>
              <td>{m.role}</td>
              <td>{m.status}</td>
              <td>{formatTime(m.joined_at)}</td>
              <td>
                {m.id !== null && (
                  <button type="button" className="secondary" disabled={remove.busy} onClick={() => remove.run(m.id!)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PagedFooter list={members} what="members" />

      <h2>Open invitations</h2>
      <ErrorText error={revoke.error} />
      <ul className="list" aria-label="Invitations">
        {invitations.items.map((i) => (
          <li key={i.id}>
            {i.email} as {i.role} · expires {formatTime(i.expires_at)}{' '}
            <button type="button" className="secondary" disabled={revoke.busy} onClick={() => revoke.run(i.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <PagedFooter list={invitations} what="invitations" />
    </div>
  );
}
