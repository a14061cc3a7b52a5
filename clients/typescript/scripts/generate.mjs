#!/usr/bin/env node
// Generates src/schema.ts from the repository's root openapi.json with openapi-typescript.
//   node scripts/generate.mjs          write it
//   node scripts/generate.mjs --check  exit 1 (and say so) when the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const documentUrl = new URL('../../../openapi.json', import.meta.url);
const schemaUrl = new URL('../src/schema.ts', import.meta.url);
const HEADER = '// Generated from openapi.json by `npm run generate:client`. Do not edit.\n\n';

const document = JSON.parse(readFileSync(documentUrl, 'utf8'));
const generated = HEADER + astToString(await openapiTS(document, { alphabetize: true }));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(schemaUrl, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (current !== generated) {
    process.stderr.write('clients/typescript/src/schema.ts is stale against openapi.json: run `npm run generate:client`\n');
    process.exit(1);
  }
  process.stdout.write('clients/typescript/src/schema.ts matches openapi.json\n');
} else {
  writeFileSync(schemaUrl, generated);
  process.stdout.write(`wrote ${schemaUrl.pathname}\n`);
}
