import { ok, page, type Schemas } from '@entropy/client';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { navigate } from '../router';
import { ErrorText, Link, Loading, useAction } from '../ui';

type Organization = Schemas['OrganizationResponseDto'];
const PER = 5;

export function Organizations() {
  const [items, setItems] = useState<Organization[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [total, setTotal] = useState<number>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [name, setName] = useState('');

  const load = async (after?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const result = await page(api.GET('/v1/organizations', { params: { query: { per: PER, ...(after ? { cursor: after } : {}) } } }));
      setItems((previous) => (after ? [...previous, ...result.items] : result.items));
      setCursor(result.nextCursor);
      setTotal(result.totalCount);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const create = useAction(async (event: FormEvent) => {
    event.preventDefault();
    const { id } = await ok(api.POST('/v1/organizations', { body: { name } }));
    navigate(`/orgs/${id}`);
  });

  return (
    <section>
      <h1>My organizations</h1>
      <form className="row" onSubmit={(e) => create.run(e)}>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <button type="submit" disabled={create.busy}>
          {create.busy ? 'Creating…' : 'Create organization'}
        </button>
      </form>
      <ErrorText error={create.error} />
      {total !== undefined && (
        <p className="hint" data-testid="org-count">
          {items.length} of {total} shown
        </p>
      )}
      <ul className="list">
        {items.map((org) => (
          <li key={org.id}>
            <Link to={`/orgs/${org.id}`}>{org.name}</Link> <span className="hint">{org.role ?? 'platform admin'}</span>
          </li>
        ))}
      </ul>
      {loading && <Loading what="organizations" />}
      <ErrorText error={error} />
      {!loading && cursor && (
        <button type="button" className="secondary" onClick={() => load(cursor)}>
          Load more
        </button>
      )}
      {!loading && total === 0 && <p>No organization yet: create one above.</p>}
    </section>
  );
}
