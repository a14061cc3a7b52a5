import { ApiError, ok, type Schemas } from '@entropy/client';
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorText, formatTime, useAction } from '../ui';

type Organization = Schemas['OrganizationResponseDto'];
type Update = Schemas['UpdateOrganizationRequestDto'];

const FIELDS = [
  ['name', 'Name'],
  ['currency', 'Currency'],
  ['website_url', 'Website'],
  ['contact_email', 'Contact email'],
  ['city', 'City'],
  ['country', 'Country'],
  ['bio', 'Bio'],
] as const;
type Field = (typeof FIELDS)[number][0];

/** Edits a subset of the profile; `If-Match` carries the ETag the form was filled from. */
export function Profile(props: { org: Organization; etag: string | undefined; saved: boolean; onSaved: () => void; reload: () => void }) {
  const { org, etag, saved, onSaved, reload } = props;
  const initial = Object.fromEntries(FIELDS.map(([key]) => [key, (org[key] as string | null) ?? ''])) as Record<Field, string>;
  const [values, setValues] = useState(initial);
  const [stale, setStale] = useState(false);
  const dirty = FIELDS.some(([key]) => values[key] !== initial[key]);

  const save = useAction(async (event: FormEvent) => {
    event.preventDefault();
    const changes: Update = {};
    for (const [key] of FIELDS) {
      if (values[key] === initial[key]) continue;
      if (key === 'name') changes.name = values.name;
      else changes[key] = values[key] === '' ? null : values[key];
    }
    try {
      await ok(api.PUT('/v1/organizations/{id}', { params: { path: { id: org.id }, header: etag ? { 'If-Match': etag } : {} }, body: changes }));
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        setStale(true);
        return;
      }
      throw error;
    }
    onSaved();
  });

  return (
    <form className="profile" onSubmit={(e) => save.run(e)}>
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          {key === 'bio' ? (
            <textarea value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          ) : (
            <input value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          )}
        </label>
      ))}
      <p className="hint">
        Vanity URL: {org.vanity_url} · location: {org.location || '—'} · updated {formatTime(org.updated_at)}
      </p>
      {stale && (
        <div className="error" role="alert" data-testid="stale">
          <strong>This organization was changed by someone else</strong> since you opened it, so your changes were not saved.{' '}
          <button type="button" onClick={reload}>
            Reload the current version
          </button>
        </div>
      )}
      <ErrorText error={save.error} />
      {saved && !stale && !dirty && <p role="status">Saved.</p>}
      <button type="submit" disabled={save.busy}>
        {save.busy ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
