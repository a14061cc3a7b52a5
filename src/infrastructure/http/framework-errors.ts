import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../errors/domain-error.js';
import { errorBody, sendError } from './all-exceptions.filter.js';

/** Longest path parameter the router accepts (UUIDs are 36 characters, integer ids far fewer). */
export const MAX_PARAM_LENGTH = 100;

class MalformedUrlError extends DomainError {
  readonly code = 'REQUEST.MALFORMED';
  readonly kind = 'invalid';
  constructor() {
    // Never echo the path: it is the attacker's text.
    super('The URL path is not valid percent-encoded UTF-8');
  }
}

const logger = new Logger('HTTP');

/**
 * Fastify's router answers a malformed percent-encoding or an over-long path parameter before any
 * hook runs (so before the one that sets X-Request-Id) and in its own shape. This gives those
 * answers the contract's error body and X-Request-Id; an over-long parameter is the same 400 a
 * malformed id gets from its route.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('X-Request-Id', request.id);
  if (error.code === 'FST_ERR_BAD_URL') return sendError(reply, new MalformedUrlError(), logger, request);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = `A path parameter is longer than ${MAX_PARAM_LENGTH} characters`;
    return sendError(
      reply,
      new ValidationFailedError(message, [{ field: 'path', message: `must be at most ${MAX_PARAM_LENGTH} characters` }]),
      logger,
      request,
    );
  }
  sendError(reply, error, logger, request);
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'REQUEST.HEADERS_TOO_LARGE',
    message: 'The request headers are larger than the server accepts',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST.TIMEOUT', message: 'The request did not arrive in time' },
  ERR_HTTP_HEADERS_TIMEOUT: { status: 408, code: 'REQUEST.TIMEOUT', message: 'The request headers did not arrive in time' },
};
const MALFORMED = { status: 400, code: 'REQUEST.MALFORMED', message: 'Malformed HTTP request' };

/**
 * Node's HTTP parser refuses some requests (oversized headers, a request too slow, broken HTTP)
 * before Fastify sees them; Fastify's default then writes its own body. This writes the contract's
 * error body and an X-Request-Id instead (no request exists yet, so the id is a fresh one).
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !pending?.headersSent) {
    const { status, code, message } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify(errorBody({ status, code, message }));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
