import { page, type CloudEvent } from '@entropy/client';
import { useEffect, useRef, useState } from 'react';
import { api, isMissingRoute } from '../api';
import { ErrorText, formatTime, Loading } from '../ui';

const POLL_MS = 2000;
const KEEP = 200;

/** The organization's feed: catches up page by page, then polls `?after=<last sequence>`. */
export function Events({ id }: { id: string }) {
  const [events, setEvents] = useState<CloudEvent[]>([]);
  const [error, setError] = useState<unknown>();
  const [caughtUp, setCaughtUp] = useState(false);
  const last = useRef<string | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    last.current = undefined;
    setEvents([]);
    setCaughtUp(false);
    const poll = async () => {
      try {
        // Follow the next-page links until the end: every event after `last`, oldest first.
        let cursor: string | undefined;
        do {
          const result = await page(
            api.GET('/v1/organizations/{id}/events', { params: { path: { id }, query: { per: 100, ...(cursor ? { cursor } : last.current ? { after: last.current } : {}) } } }),
          );
          if (stopped) return;
          if (result.items.length) {
            last.current = result.items.at(-1)!.sequence;
            setEvents((previous) => [...result.items.slice().reverse(), ...previous].slice(0, KEEP));
          }
          cursor = result.nextCursor;
        } while (cursor);
        setError(undefined);
        setCaughtUp(true);
      } catch (e) {
        if (stopped) return;
        setError(e);
        if (isMissingRoute(e)) return;
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);

  if (isMissingRoute(error)) {
    return <p className="hint">This API build has no event feed yet (GET /v1/organizations/{'{id}'}/events is not served).</p>;
  }
  return (
    <div>
      <h2>Live events</h2>
      <p className="hint">Newest first; polling every {POLL_MS / 1000} s after sequence {last.current ?? '—'}.</p>
      <ErrorText error={error} />
      {!caughtUp && !error && <Loading what="events" />}
      {caughtUp && events.length === 0 && <p>No event yet.</p>}
      <table aria-label="Events">
        <thead>
          <tr>
            <th>#</th>
            <th>Type</th>
            <th>Subject</th>
            <th>Time</th>
            <th>Data</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{Number(e.sequence)}</td>
              <td>{e.type.replace('tech.entropy.', '')}</td>
              <td>{e.subject ?? '—'}</td>
              <td>{formatTime(e.time)}</td>
              <td>
                <code>{JSON.stringify(e.data)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
