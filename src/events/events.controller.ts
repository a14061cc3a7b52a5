import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../common/principal.js';
import type { CloudEventJson } from '../infrastructure/events/cloud-event.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { sendPage } from '../infrastructure/http/paging.js';
import { uuidParam } from '../infrastructure/http/params.js';
import { CloudEventResponseDto } from './dto/cloud-event.response.dto.js';
import { ListEventsRequestDto } from './dto/list-events.request.dto.js';
import { ListEventsQuery } from './queries/list-events/list-events.query.js';

/** The organization's event feed: the same CloudEvents RabbitMQ receives, served from the event log. */
@ApiTags('events')
@Controller()
export class EventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('organizations/:id/events')
  @ApiOperation({
    operationId: 'listOrganizationEvents',
    summary: "The organization's events (CloudEvents), oldest first by sequence, paged; `after` and `type` filter",
    description:
      'Every committed change of the organization as a CloudEvent, in commit order (`sequence`). Poll with `after` set to the last ' +
      'sequence seen: an event that commits late is never skipped. Owners, admins and read tokens; members get 403.',
  })
  @ApiOkResponse({
    type: [CloudEventResponseDto],
    headers: { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 403, 404, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Query() query: ListEventsRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CloudEventJson[]> {
    const types = query.type ? [...new Set(query.type.split(','))] : [];
    const page = await this.queryBus.execute(new ListEventsQuery(principal, organizationId, query.per, query.cursor, query.after, types));
    return sendPage(request, reply, page, query.per);
  }
}
