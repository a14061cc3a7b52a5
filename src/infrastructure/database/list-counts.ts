/** The lists whose size `list_counts` keeps (migration 1763800040000-list-shapes). */
export type CountedList = 'organizations' | 'user_organizations' | 'organization_members' | 'organization_pending' | 'credentials' | 'tokens';

/**
 * The exact size of a counted list as a scalar SQL expression: a sum over at most 16 slot rows,
 * maintained in the same transaction as the rows it counts, instead of a count(*) over the list.
 * `key` is an SQL expression of the owner's key as text ('' for the global list).
 */
export function countedSize(list: CountedList, key: string): string {
  return `(SELECT coalesce(sum(n), 0) FROM list_counts WHERE list = '${list}' AND owner_key = ${key})`;
}

/**
 * A list query as its handler runs it: one page and the total, each SQL with its parameters.
 * A page's ORDER BY starts with the owner's column (`organization_id`, `user_id`), equal on every
 * row: only the owner's keyset index has that order, so the planner cannot trade it for a
 * primary-key scan that filters (cheap on the first page of a large owner, a scan on the deepest).
 */
export interface ListSql {
  page: [string, unknown[]];
  count: [string, unknown[]];
}
