import { withEtag } from '@entropy/client';
import { useState } from 'react';
import { api } from '../api';
import { ErrorText, Link, Loading, useLoad } from '../ui';
import { Credentials } from './Credentials';
import { Events } from './Events';
import { Members } from './Members';
import { Profile } from './Profile';
import { Tokens } from './Tokens';
import { Webhooks } from './Webhooks';

const TABS = [
  ['profile', 'Profile'],
  ['members', 'Members'],
  ['tokens', 'Tokens'],
  ['credentials', 'Credentials'],
  ['webhooks', 'Webhooks'],
  ['events', 'Events'],
] as const;

export function OrganizationScreen({ id, tab }: { id: string; tab: string }) {
  const org = useLoad(() => withEtag(api.GET('/v1/organizations/{id}', { params: { path: { id } } })), [id]);
  const [saved, setSaved] = useState(false);
  if (org.error) return <ErrorText error={org.error} />;
  if (!org.data) return <Loading what="the organization" />;
  const { data, etag } = org.data;
  return (
    <section>
      <p className="crumbs">
        <Link to="/">My organizations</Link> ›
      </p>
      <h1 data-testid="org-name">{data.name}</h1>
      <nav className="tabs" aria-label="Organization">
        {TABS.map(([key, label]) => (
          <Link key={key} to={`/orgs/${id}/${key}`} className={key === tab ? 'active' : ''}>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'profile' && (
        <Profile
          key={etag}
          org={data}
          etag={etag}
          saved={saved}
          onSaved={() => {
            setSaved(true);
            org.reload();
          }}
          reload={() => {
            setSaved(false);
            org.reload();
          }}
        />
      )}
      {tab === 'members' && <Members id={id} />}
      {tab === 'tokens' && <Tokens id={id} />}
      {tab === 'credentials' && <Credentials id={id} />}
      {tab === 'webhooks' && <Webhooks id={id} />}
      {tab === 'events' && <Events id={id} />}
    </section>
  );
}
