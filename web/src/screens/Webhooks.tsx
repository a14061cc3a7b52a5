import { ok, page, type WebhookEndpoint } from '@entropy/client';
import { useEffect, useState, type FormEvent } from 'react';
import { api, isMissingRoute } from '../api';
import { ErrorText, formatTime, PagedFooter, ShownOnce, useAction, usePaged } from '../ui';

export function Webhooks({ id }: { id: string }) {
  const endpoints = usePaged((cursor) => page(api.GET('/v1/organizations/{id}/webhooks', { params: { path: { id }, query: { per: 20, cursor } } })), [id]);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<string>();

  const create = useAction(async (event: FormEvent) => {
    event.preventDefault();
    const created = await ok(api.POST('/v1/organizations/{id}/webhooks', { params: { path: { id } }, body: { url, event_types: ['*'], enabled: true, ...(description ? { description } : {}) } }));
    setSecret(created.secret);
    setUrl('');
    setDescription('');
    setOpen(created.id);
    endpoints.reload();
  });
  const remove = useAction(async (webhookId: string) => {
    await ok(api.DELETE('/v1/organizations/{id}/webhooks/{webhookId}', { params: { path: { id, webhookId } } }));
    endpoints.reload();
  });

  if (isMissingRoute(endpoints.error)) {
    return <p className="hint">This API build has no webhook routes yet (GET /v1/organizations/{'{id}'}/webhooks is not served).</p>;
  }
  return (
    <div>
      <h2>Webhook endpoints</h2>
      <form className="row" onSubmit={(e) => create.run(e)}>
        <label>
          URL <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://example.com/hooks" />
        </label>
        <label>
          Description <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <button type="submit" disabled={create.busy}>
          {create.busy ? 'Adding…' : 'Add endpoint'}
        </button>
      </form>
      <ErrorText error={create.error} />
      {secret && <ShownOnce label="Signing secret" secret={secret} onDone={() => setSecret(undefined)} />}
      <ErrorText error={remove.error} />
      <ul className="list" aria-label="Webhook endpoints">
        {endpoints.items.map((endpoint) => (
          <li key={endpoint.id}>
            <div className="row">
              <strong>{endpoint.url}</strong>
              <span className="hint">
                {endpoint.primary ? 'primary · ' : ''}
                {endpoint.enabled ? 'enabled' : 'disabled'} · {endpoint.event_types.join(', ')}
              </span>
              <button type="button" className="secondary" onClick={() => setOpen(open === endpoint.id ? undefined : endpoint.id)}>
                {open === endpoint.id ? 'Hide deliveries' : 'Deliveries'}
              </button>
              <button type="button" className="secondary" disabled={remove.busy} onClick={() => remove.run(endpoint.id)}>
                Delete
              </button>
            </div>
            {open === endpoint.id && <Deliveries id={id} endpoint={endpoint} />}
          </li>
        ))}
      </ul>
      <PagedFooter list={endpoints} what="endpoints" />
    </div>
  );
}

function Deliveries({ id, endpoint }: { id: string; endpoint: WebhookEndpoint }) {
  const webhookId = endpoint.id;
  const deliveries = usePaged(
    (cursor) => page(api.GET('/v1/organizations/{id}/webhooks/{webhookId}/deliveries', { params: { path: { id, webhookId }, query: { per: 20, cursor } } })),
    [id, webhookId],
  );
  // While a delivery is pending, look again every few seconds.
  const pending = deliveries.items.some((d) => d.status === 'pending');
  const { loading, reload } = deliveries;
  useEffect(() => {
    if (!pending || loading) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [pending, loading, reload]);
  const ping = useAction(async () => {
    await ok(api.POST('/v1/organizations/{id}/webhooks/{webhookId}/ping', { params: { path: { id, webhookId } } }));
    deliveries.reload();
  });
  const retry = useAction(async (deliveryId: string) => {
    await ok(api.POST('/v1/organizations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/retry', { params: { path: { id, webhookId, deliveryId } } }));
    deliveries.reload();
  });
  return (
    <div className="deliveries">
      <div className="row">
        <button type="button" disabled={ping.busy} onClick={() => ping.run()}>
          Send a ping
        </button>
        <button type="button" className="secondary" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      <ErrorText error={ping.error} />
      <ErrorText error={retry.error} />
      <table aria-label="Deliveries">
        <thead>
          <tr>
            <th>Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Last answer</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {deliveries.items.map((d) => (
            <tr key={d.id}>
              <td>{d.event_type}</td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.last_status_code ?? d.last_error ?? '—'}</td>
              <td>{formatTime(d.created_at)}</td>
              <td>
                {(d.status === 'failed' || d.status === 'pending') && (
                  <button type="button" className="secondary" disabled={retry.busy} onClick={() => retry.run(d.id)}>
                    Retry
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PagedFooter list={deliveries} what="deliveries" />
    </div>
  );
}
