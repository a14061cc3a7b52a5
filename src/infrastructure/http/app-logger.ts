import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { loggableError } from './request-logging.js';

export interface LoggerSettings {
  logLevel: string;
  production: boolean;
}

/**
 * The process's one pino logger: JSON lines on stdout, or human-readable lines when stdout is a
 * terminal (outside production), where a person reads them.
 */
export function createRootLogger(settings: LoggerSettings, destination: NodeJS.WritableStream = process.stdout): Logger {
  const options = { level: settings.logLevel, serializers: { err: loggableError } };
  const terminal = destination === process.stdout && process.stdout.isTTY && !settings.production;
  if (terminal) return pino(options, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  return pino(options, destination as pino.DestinationStream);
}

/** Nest's own start-up chatter: useful when debugging the wiring, noise otherwise. */
const BOOTSTRAP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

const PINO_LEVEL: Record<LogLevel, Level> = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' };

/**
 * Nest's LoggerService over pino. Call sites log either `logger.warn('text')` or, pino style,
 * `logger.error({ err }, 'text')`; a Logger with a context appends it as the last argument.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(nestLevel: LogLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context =
      typeof rest.at(-1) === 'string' && (typeof message !== 'object' || rest.length > 1) ? (rest.pop() as string) : undefined;
    const level = context && BOOTSTRAP_CONTEXTS.has(context) ? 'debug' : PINO_LEVEL[nestLevel];
    if (!this.logger.isLevelEnabled(level)) return;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (message && typeof message === 'object') {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      this.logger[level]({ context, ...(message as object) }, text);
    } else {
      // Nest's own `error(message, stack)`: the stack is the second argument.
      const stack = nestLevel === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
