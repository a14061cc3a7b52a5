/** The lists whose size `list_counts` keeps (migration 1763800040000-list-shapes). */
export type CountedList =
  'organizations' | 'user_organizations' | 'organization_members' | 'organization_pending' | 'credentials' | 'tokens';

/**
 * The exact size of a counted list as a scalar SQL expression: a sum over at most 16 slot rows,
 * maintained in the same transaction as the rows it counts, instead of a count(*) over the list.
 * `key` is an SQL expression of the owner's key as text ('' for the global list).
 */
export function countedSize(list: CountedList, key: string): string {
  return `(SELECT coalesce(sum(n), 0) FROM list_counts WHERE list = '${list}' AND owner_key = ${key})`;
}

/** A list query as its handler runs it: one page and the total, each SQL with its parameters. */
export interface ListSql {
  page: [string, unknown[]];
  count: [string, unknown[]];
}

/**
 * A check read in the same statement as the rows it guards: SQL that yields one row with the
 * columns `gate` (what the check found) and `open` (whether the rows may be read at all) when the
 * owner exists, and no row when it does not. Its text takes the placeholders of its `values`,
 * numbered from `first` (after the rows' own parameters); it may also use `$1`, the rows' first.
 */
export interface Gate {
  text(first: number): string;
  values: unknown[];
}

/** What one statement read: the rows, the total when a count was asked, the gate's value when a gate was (undefined: no owner, or not open). */
export interface Read<Row> {
  rows: Row[];
  total: number;
  gate?: { value: unknown };
}

/** Columns the statement adds to each row; a page may not have columns of these names. */
const OWN_COLUMNS = /\b(?:list_row|list_total|list_gate)\b/;

/**
 * Rows, their total and a gate as one statement, so a list costs one round trip and one pooled
 * connection rather than two or three. The count (and the gate) yield exactly one row; the rows
 * join to it LEFT and LATERAL on `true`, which PostgreSQL can only run as a nested loop with that
 * one row outside, so the rows keep their own ORDER BY. A page with no rows still yields the one
 * row, its row columns NULL and `list_row` NULL. Behind a gate, the count and the rows are lateral
 * to the gate's row and filtered on its `open`: PostgreSQL runs neither when the gate is shut
 * (a one-time filter), and then, as when the gate finds no owner, the statement yields no row.
 * The count's parameters must be a prefix of the rows' (they are shared).
 */
export function oneStatement(
  rows: [string, unknown[]],
  { count, gate }: { count?: [string, unknown[]]; gate?: Gate },
): [string, unknown[]] {
  const [rowsText, params] = rows;
  if (count && count[1].some((value, index) => value !== params[index])) {
    throw new Error("a list's count must take a prefix of its rows' parameters");
  }
  if (OWN_COLUMNS.test(rowsText)) throw new Error('a page may not name the columns list_row, list_total or list_gate');
  const countText = count ? count[0] : 'SELECT 0 AS count';
  const page = (open: string) => `LEFT JOIN LATERAL (SELECT true AS list_row, q.* FROM (${rowsText}) q${open}) p ON true`;
  if (!gate) {
    const text = `SELECT c.count AS list_total, p.*
      FROM (${countText}) c
      ${page('')}`;
    return [text, params];
  }
  const text = `SELECT g.gate AS list_gate, c.count AS list_total, p.*
      FROM (${gate.text(params.length + 1)}) g
      CROSS JOIN LATERAL (SELECT c0.count FROM (${countText}) c0 WHERE g.open) c
      ${page(' WHERE g.open')}`;
  return [text, [...params, ...gate.values]];
}

type Statement = Record<string, unknown> & { list_row: boolean | null; list_total: number; list_gate?: unknown };

/** Runs `oneStatement` and takes its answer apart. */
export async function runRead<Row>(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  rows: [string, unknown[]],
  options: { count?: [string, unknown[]]; gate?: Gate } = {},
): Promise<Read<Row>> {
  const result = (await db.query(...oneStatement(rows, options))) as Statement[];
  const first = result[0];
  if (!first) return { rows: [], total: 0 };
  return {
    rows: first.list_row ? result.map(({ list_row: _r, list_total: _t, list_gate: _g, ...row }) => row as Row) : [],
    total: first.list_total,
    gate: options.gate ? { value: first.list_gate } : undefined,
  };
}

/** A list's page (`per + 1` rows) and its exact total: one statement. */
export function runList<Row>(db: { query(sql: string, params: unknown[]): Promise<unknown> }, sql: ListSql): Promise<Read<Row>> {
  return runRead<Row>(db, sql.page, { count: sql.count });
}

/**
 * The rows of organization $1 after serial id $2 (0 for the first page), in (organization_id, id)
 * order. Written as a row comparison bounded above rather than `organization_id = $1 AND id > $2`:
 * with the equality the planner drops organization_id from the order and may pick a primary-key
 * scan that filters, cheap on the first page of a large organization but a scan of everything
 * after the cursor on the deepest one. This form only the (organization_id, id) index serves.
 */
export const AFTER_IN_ORGANIZATION = (alias: string) =>
  `(${alias}.organization_id, ${alias}.id) > ($1, $2) AND ${alias}.organization_id <= $1`;

/**
 * Organization $1's invitations that have expired but that the expiry job has not deleted yet: the
 * correction of the counted pending rows. The same row-comparison form keeps it on the
 * (organization_id, expires_at) index instead of the global expiry index filtered by organization.
 */
export const EXPIRED_INVITATIONS = `(SELECT count(*) FROM memberships
    WHERE status = 'pending' AND (organization_id, expires_at) <= ($1, now()) AND organization_id >= $1)`;
