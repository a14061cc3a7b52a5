import type { FastifyInstance } from 'fastify';
import { ValidationFailedError } from '../errors/domain-error.js';

/** Deepest nesting of objects and arrays a request may hold (the outermost one is level 1). */
export const MAX_NESTING_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a piece of text is refused, or undefined when it is fine. PostgreSQL can store neither NUL
 * nor a lone UTF-16 surrogate (no UTF-8 encodes one), so both are bad input here rather than a
 * database error later.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone UTF-16 surrogate)';
  return undefined;
}

interface Node {
  value: unknown;
  depth: number;
  parent?: Node;
  key?: string;
}

/** The dotted path to a node (`address.lines.0`), or undefined for the input as a whole. */
function fieldOf(node: Node): string | undefined {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.length ? keys.reverse().join('.') : undefined;
}

function refused(field: string, subject: string, problem: string): ValidationFailedError {
  return new ValidationFailedError(`${subject} ${problem}`, [{ field, message: problem }]);
}

/**
 * One walk over parsed input (a JSON body, query or path parameters): refuses nesting deeper than
 * MAX_NESTING_DEPTH and any key or string that `textProblem` refuses. Iterative on purpose: a
 * recursive walk is exactly what a deeply nested body overflows. Runs before any transformation
 * or validation, so nothing downstream ever sees such input.
 */
export function inputProblem(input: unknown, part: 'body' | 'query' | 'path' = 'body'): ValidationFailedError | undefined {
  const pending: Node[] = [{ value: input, depth: 0 }];
  while (pending.length) {
    const node = pending.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) {
        const field = fieldOf(node);
        return refused(field ?? `(${part})`, field ?? `The ${part}`, problem);
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const depth = node.depth + 1;
    if (depth > MAX_NESTING_DEPTH) {
      return new ValidationFailedError(`The ${part} is nested deeper than ${MAX_NESTING_DEPTH} levels`);
    }
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      // The offending name itself is not echoed; its parent locates it.
      if (keyProblem) {
        const field = fieldOf(node);
        return refused(field ?? `(${part})`, `A field name in ${field ?? `the ${part}`}`, keyProblem);
      }
      pending.push({ value: item, depth, parent: node, key });
    }
  }
  return undefined;
}

/**
 * The JSON body parser, and a check of query and path parameters, both through `inputProblem`:
 * every route refuses deep nesting, NUL and lone surrogates with a 400 before a pipe, a guard or
 * the database sees them.
 */
export function registerInputGuard(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // Clients often send `Content-Type: application/json` on a DELETE without a body; that is no error.
    if (body === '') return done(null, undefined);
    // The default parser calls back inside its own try block: check after it returned, so nothing
    // thrown here could be mistaken for a JSON syntax error (or answer twice).
    let parsed: { error: Error | null; value?: unknown } = { error: null };
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      parsed = { error, value };
    });
    if (parsed.error) return done(parsed.error);
    const problem = inputProblem(parsed.value);
    if (problem) return done(problem);
    done(null, parsed.value);
  });
  // Percent-decoded query and path values reach queries as text: the same rules apply to them.
  // Callback style: an async hook costs a promise and a microtask on every request.
  fastify.addHook('preValidation', (request, _reply, done) => {
    done(inputProblem(request.query, 'query') ?? inputProblem(request.params, 'path'));
  });
}
