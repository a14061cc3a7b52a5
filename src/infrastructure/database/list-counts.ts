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

/** Runs a list's page and its total side by side: the rows (`per + 1` of them) and the exact count. */
export async function runList<Row>(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  sql: ListSql,
): Promise<[Row[], number]> {
  const [rows, [{ count }]] = (await Promise.all([db.query(...sql.page), db.query(...sql.count)])) as [Row[], { count: number }[]];
  return [rows, count];
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
