// Bundles the compiled service (dist/src/main.js) into one file, dist/bundle/main.mjs, so a process
// start reads and compiles one module instead of resolving ~1,700 files: start-up on Node 20 is
// mostly module loading. What is left outside: KEEP_OUTSIDE below, and optional packages that
// frameworks try to load and that are not installed.
import { createRequire } from 'node:module';
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

const entries = process.argv.slice(2);
await build({
  entryPoints: entries.length ? entries : ['dist/src/main.js'],
  outdir: 'dist/bundle',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS still calls require (and __dirname-free lookups) at run time.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [optionalAbsent],
  keepNames: true,
  logLevel: 'warning',
});
