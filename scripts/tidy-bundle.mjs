// The bundle's post-processing (scripts/bundle.mjs), apart so that test/unit/tidy-bundle.spec.ts can check it.
import { parse } from 'acorn';

/**
 * keepNames makes every function keep its `name` where the bundle had to rename it (two modules'
 * `Type`, `Set`...: TypeORM's migration names, Swagger's schema names and error types in the logs
 * read class names) by wrapping each function and class in `__name(fn, "name")`. Where the
 * binding kept its name, the code unbundled had that very name already, so the call changes
 * nothing; but it runs each time the function is created, and for closures made per request
 * (Fastify's hook runners, Nest's execution context, rxjs operators) it is a property redefinition
 * per request: the bundle was slower than the unbundled build. Those calls are dropped, found on
 * the syntax tree: a statement `__name(x, "x")`; `__name(function x() {}, "x")` and the same for a
 * class; an anonymous function in a place that names it (`const x =`, `x =`, `{ x: ... }`, a class field).
 *
 * Also: esbuild writes strings as ASCII but leaves other characters in regular expressions and
 * comments (validator's alphabets), and one such character makes V8 hold the whole 10 MB source in
 * two bytes a character. They are written as \u escapes, which mean the same there.
 */
// One UTF-16 unit at a time (no `u` flag): an astral character becomes its two escaped halves.
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

export function tidyBundle(text) {
  /** [from, to, replacement]: the calls to drop, and the regular expressions and comments to make ASCII. */
  const edits = [];
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  // In a regular expression: a character after an odd run of backslashes was itself escaped
  // (`\é` means "é"), so the backslash goes with it into the \u escape.
  const regexToAscii = (from, to) => {
    const raw = text.slice(from, to);
    if (NON_ASCII.test(raw))
      edits.push([from, to, raw.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => slashes.slice(slashes.length % 2) + escape(c))]);
  };
  // In a comment: a line or paragraph separator ends a line (and a // comment), so it stays a line end.
  const commentToAscii = (from, to) => {
    const raw = text.slice(from, to);
    if (NON_ASCII.test(raw))
      edits.push([from, to, raw.replace(NON_ASCII_ALL, (c) => (c === '\u2028' || c === '\u2029' ? '\n' : escape(c)))]);
  };
  const nameCall = (node) =>
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === '__name' &&
    node.arguments.length === 2 &&
    typeof node.arguments[1].value === 'string';
  // The name the language itself gives an anonymous function in this place (NamedEvaluation).
  // `__proto__: fn` in an object literal sets the prototype and names nothing.
  const keyName = (key) => {
    const name = key.type === 'Identifier' ? key.name : typeof key.value === 'string' ? key.value : undefined;
    return name === '__proto__' ? undefined : name;
  };
  const namedBy = (parent, node) => {
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return parent.id.name;
    if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === node && parent.left.type === 'Identifier')
      return parent.left.name;
    if (
      (parent?.type === 'Property' || parent?.type === 'PropertyDefinition') &&
      parent.value === node &&
      !parent.computed &&
      parent.kind !== 'get' &&
      parent.kind !== 'set'
    ) {
      return keyName(parent.key);
    }
    return undefined;
  };
  const visit = (node, parent) => {
    if (nameCall(node)) {
      const [target, { value: name }] = node.arguments;
      const ownName = (target.type === 'FunctionExpression' || target.type === 'ClassExpression') && target.id?.name === name;
      const anonymous =
        target.type === 'ArrowFunctionExpression' ||
        ((target.type === 'FunctionExpression' || target.type === 'ClassExpression') && !target.id);
      const declaredAs = namedBy(parent, node) === name;
      if (ownName || (anonymous && declaredAs)) {
        // In parentheses, which the name still reaches, so it stands wherever the call stood (`(...)()`).
        edits.push([node.start, target.start, '('], [target.end, node.end, ')']);
      }
    }
    if (node.type === 'ExpressionStatement' && nameCall(node.expression)) {
      const [target, { value: name }] = node.expression.arguments;
      if (target.type === 'Identifier' && target.name === name) edits.push([node.start, node.end, ';']);
    }
    if (node.type === 'Literal' && node.regex) regexToAscii(node.start, node.end);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child?.type === 'string') visit(child, node);
      }
    }
  };
  const ast = parse(text, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    onComment: (_block, _text, from, to) => commentToAscii(from, to),
  });
  visit(ast, null);
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to, replacement] of edits) {
    if (from < at) continue; // inside a call already dropped (a comment in it)
    out += text.slice(at, from) + replacement;
    at = to;
  }
  return out + text.slice(at);
}
