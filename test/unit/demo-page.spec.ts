import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerDemoPage } from '../../src/infrastructure/http/demo-page.js';

@Module({})
class EmptyModule {}

const dir = `${mkdtempSync(join(tmpdir(), 'entropy-demo-page-'))}/`;

async function appWith(production: boolean, pageDir = dir): Promise<{ app: NestFastifyApplication; served: boolean }> {
  const app = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), { logger: false });
  const served = await registerDemoPage(app, production, pageDir);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, served };
}

before(() => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dir, 'assets/app.js'), 'console.log(1)');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('outside production the built page is served at /demo, and every other /demo path is the page (SPA routes)', async () => {
  const { app, served } = await appWith(false);
  try {
    assert.equal(served, true);
    const fastify = app.getHttpAdapter().getInstance();
    const index = await fastify.inject({ url: '/demo/' });
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<title>demo<\/title>/);
    const asset = await fastify.inject({ url: '/demo/assets/app.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['content-type']), /javascript/);
    const callback = await fastify.inject({ url: '/demo/facebook/callback?code=c&state=s' });
    assert.equal(callback.statusCode, 200);
    assert.match(callback.body, /<title>demo<\/title>/);
  } finally {
    await app.close();
  }
});

test('in production, or with no build, nothing is served at /demo', async () => {
  for (const [production, pageDir] of [
    [true, dir],
    [false, join(dir, 'missing/')],
  ] as const) {
    const { app, served } = await appWith(production, pageDir);
    try {
      assert.equal(served, false);
      assert.equal((await app.getHttpAdapter().getInstance().inject({ url: '/demo/' })).statusCode, 404);
    } finally {
      await app.close();
    }
  }
});
