// Bundles the compiled service (dist/src/main.js) into one file, dist/bundle/main.mjs, so a process
// start reads and compiles one module instead of resolving ~1,700 files: start-up on Node 20 is
// mostly module loading. What is left outside: KEEP_OUTSIDE below, and optional packages that
// frameworks try to load and that are not installed.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { tidyBundle } from './tidy-bundle.mjs';

/**
 * Left in node_modules: packages that load files next to their own code (PGlite's WebAssembly,
 * Swagger UI's assets, pino's worker transports), and pg, which TypeORM requires by name at run
 * time: bundled, the service's pg and TypeORM's would be two copies (postgres-pool.ts refuses that).
 */
const KEEP_OUTSIDE = ['@electric-sql/pglite', 'typeorm-pglite', 'swagger-ui-dist', 'pino', 'pino-pretty', 'thread-stream', 'pg'];

/**
 * A bare import esbuild cannot resolve from where it is written (its own resolution: exports,
 * conditions, `#imports`) is an optional dependency a framework tries to load: left as an import.
 * Only the known ones are accepted, so a package that is required but missing fails the build.
 */
const OPTIONAL_ABSENT = ['@nestjs/microservices', '@nestjs/websockets', '@nestjs/platform-express', '@fastify/view', '@fastify/multipart'];

const optionalAbsent = {
  name: 'optional-absent',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === optionalAbsent) return undefined;
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (KEEP_OUTSIDE.includes(name)) return { path: args.path, external: true };
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: optionalAbsent,
      });
      if (found.errors.length === 0) return found;
      if (OPTIONAL_ABSENT.includes(name)) return { path: args.path, external: true };
      return { errors: found.errors };
    });
  },
};

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
