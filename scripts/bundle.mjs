// Bundles the compiled service (dist/src/main.js) into one file, dist/bundle/main.mjs, so a process
// start reads and compiles one module instead of resolving ~1,700 files: start-up on Node 20 is
// mostly module loading. What is left outside: KEEP_OUTSIDE below, and optional packages that
// frameworks try to load and that are not installed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'acorn';
import { build } from 'esbuild';

/**
 * Left in node_modules: packages that load files next to their own code (PGlite's WebAssembly,
 * Swagger UI's assets, pino's worker transports), and pg, which TypeORM requires by name at run
 * time: bundled, the service's pg and TypeORM's would be two copies (postgres-pool.ts refuses that).
 */
const KEEP_OUTSIDE = ['@electric-sql/pglite', 'typeorm-pglite', 'swagger-ui-dist', 'pino', 'pino-pretty', 'thread-stream', 'pg'];

const require = createRequire(import.meta.url);

/** A bare import that does not resolve from where it is written is an optional dependency: left as is. */
const optionalAbsent = {
  name: 'optional-absent',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (KEEP_OUTSIDE.includes(name)) return { path: args.path, external: true };
      try {
        require.resolve(args.path, { paths: [args.resolveDir] });
        return undefined;
      } catch {
        return { path: args.path, external: true };
      }
    });
  },
};

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

function tidyBundle(text) {
  /** [from, to, replacement]: the calls to drop, and the regular expressions and comments to make ASCII. */
  const edits = [];
  const toAscii = (from, to) => {
    const raw = text.slice(from, to);
    if (NON_ASCII.test(raw))
      edits.push([from, to, raw.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]);
  };
  const nameCall = (node) =>
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === '__name' &&
    node.arguments.length === 2 &&
    typeof node.arguments[1].value === 'string';
  // The name the language itself gives an anonymous function in this place (NamedEvaluation).
  const keyName = (key) => (key.type === 'Identifier' ? key.name : typeof key.value === 'string' ? key.value : undefined);
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
    if (node.type === 'Literal' && node.regex) toAscii(node.start, node.end);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child?.type === 'string') visit(child, node);
      }
    }
  };
  const ast = parse(text, { ecmaVersion: 'latest', sourceType: 'module', onComment: (_block, _text, from, to) => toAscii(from, to) });
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

const entries = process.argv.slice(2);
const result = await build({
  entryPoints: entries.length ? entries : ['dist/src/main.js'],
  outdir: 'dist/bundle',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS still calls require at run time.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [optionalAbsent],
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
});
for (const file of Object.keys(result.metafile.outputs)) writeFileSync(file, tidyBundle(readFileSync(file, 'utf8')));
