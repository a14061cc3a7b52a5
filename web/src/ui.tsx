import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { messageOf } from './api';
import { hrefOf, navigate } from './router';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` on mount and whenever `deps` change; the latest answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const run = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => run === latest.current && setState({ data, loading: false }),
      (error: unknown) => run === latest.current && setState({ error, loading: false }),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** A write: busy while it runs, its error shown as the API's message. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      await action(...args);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(undefined) };
}

export function ErrorText({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  return (
    <p className="error" role="alert">
      {messageOf(error)}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={hrefOf(to)}
      className={className}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** A secret shown once: the page keeps it only in memory until dismissed. */
export function ShownOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard');
    } catch {
      setCopied('Copy failed: select the text and copy it by hand');
    }
  };
  return (
    <div className="shown-once" role="region" aria-label={label}>
      <p>
        <strong>{label}</strong> — shown only this once; copy it now.
      </p>
      <code data-testid="secret">{secret}</code>
      <div className="row">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
        {copied && <span className="hint">{copied}</span>}
      </div>
    </div>
  );
}

export interface Paged<T> {
  items: T[];
  total: number | undefined;
  more: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/** A keyset-paged list: the first page on mount and on `reload`, the next one on `loadMore`. */
export function usePaged<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | undefined; totalCount: number | undefined }>,
  deps: unknown[],
): Paged<T> {
  const [state, setState] = useState<{ items: T[]; cursor?: string; total?: number; loading: boolean; error?: unknown }>({ items: [], loading: true });
  const latest = useRef(0);
  const fetchAt = useCallback(
    (cursor: string | undefined) => {
      const run = ++latest.current;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      fetchPage(cursor).then(
        (result) =>
          run === latest.current &&
          setState((s) => ({
            items: cursor ? [...s.items, ...result.items] : result.items,
            cursor: result.nextCursor,
            total: result.totalCount,
            loading: false,
          })),
        (error: unknown) => run === latest.current && setState((s) => ({ ...s, loading: false, error })),
      );
    },
    // fetchPage closes over deps only
    deps,
  );
  useEffect(() => fetchAt(undefined), [fetchAt]);
  const reload = useCallback(() => fetchAt(undefined), [fetchAt]);
  return {
    items: state.items,
    total: state.total,
    more: state.cursor !== undefined,
    loading: state.loading,
    error: state.error,
    loadMore: () => fetchAt(state.cursor),
    reload,
  };
}

export function PagedFooter({ list, what }: { list: Paged<unknown>; what: string }) {
  return (
    <>
      {list.loading && <Loading what={what} />}
      <ErrorText error={list.error} />
      {!list.loading && list.total !== undefined && (
        <p className="hint">
          {list.items.length} of {list.total} {what}
        </p>
      )}
      {!list.loading && list.more && (
        <button type="button" className="secondary" onClick={list.loadMore}>
          Load more
        </button>
      )}
    </>
  );
}
