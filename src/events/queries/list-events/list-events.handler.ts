import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { EVENT_TYPE_PREFIX, toCloudEvent, type CloudEventJson, type StoredEvent } from '../../../infrastructure/events/cloud-event.js';
import { STORED_EVENT_COLUMNS } from '../../../infrastructure/events/event-record.entity.js';
import { ValidationFailedError } from '../../../infrastructure/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import { readAuthorized } from '../../../organizations/organization-access.js';
import { EVENT_RULES } from '../../events.access.js';
import { ListEventsQuery } from './list-events.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

const INT8_MAX = 9_223_372_036_854_775_807n;

function sequenceOf(text: string, field: string): bigint {
  const value = BigInt(text);
  if (value > INT8_MAX) throw new ValidationFailedError(`${field} is not an event sequence`, [{ field, message: 'out of range' }]);
  return value;
}

/**
 * Keyset paging on `sequence`, which is commit order: rows get their number only after they
 * committed (EventSequencer), so an event that commits late is numbered after what a reader has
 * already seen, and `sequence > last` never skips it. Unstamped rows (sequence NULL) are not shown.
 */
@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(
    private readonly db: PreparedReads,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ principal, organizationId, per, cursor, after, types }: ListEventsQuery): Promise<Page<CloudEventJson>> {
    const fromCursor = decodeCursor(cursor, ['string'], ([key]) => /^\d{1,20}$/.test(String(key)))?.[0] as string | undefined;
    const afterValue = after === undefined ? -1n : sequenceOf(after, 'after');
    const cursorValue = fromCursor === undefined ? -1n : sequenceOf(fromCursor, 'cursor');
    const from = afterValue > cursorValue ? afterValue : cursorValue;

    // The list (and X-Total-Count) is "this organization's committed events after `after` of these
    // types"; the cursor only moves the page start inside it.
    const params: unknown[] = [organizationId, String(afterValue), String(from)];
    let typeFilter = '';
    if (types.length > 0) {
      params.push(types.map((key) => EVENT_TYPE_PREFIX + key));
      typeFilter = 'AND type = ANY($4::text[])';
    }
    const { rows, total } = await readAuthorized<StoredEvent>(
      this.db,
      principal,
      organizationId,
      EVENT_RULES.read,
      [
        `SELECT ${STORED_EVENT_COLUMNS} FROM events
          WHERE organization_id = $1 AND sequence > $3::bigint AND $2::bigint IS NOT NULL ${typeFilter}
          ORDER BY events.sequence LIMIT ${per + 1}`,
        params,
      ],
      [
        `SELECT count(*)::int AS count FROM events
          WHERE organization_id = $1 AND sequence > $2::bigint AND $3::bigint IS NOT NULL ${typeFilter}`,
        params,
      ],
    );
    return toPage(
      rows,
      per,
      total,
      (row) => [row.sequence!],
      (row) => toCloudEvent(row, this.settings.publicUrl),
    );
  }
}
