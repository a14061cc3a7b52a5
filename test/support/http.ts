import assert from 'node:assert/strict';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface Sent {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

/** In-process HTTP through Fastify's inject: the real routing, hooks, guards, pipes and filters. */
export async function call(
  app: NestFastifyApplication,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS',
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await app.inject({
    method,
    url,
    headers,
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
  let body: unknown;
  try {
    body = response.body ? JSON.parse(response.body) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body, text: response.body };
}

/** Follows `Link: rel="next"` from the first page to the last, returning every page. */
export async function allPages(app: NestFastifyApplication, firstUrl: string, token: string): Promise<Sent[]> {
  const pages: Sent[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const page = await call(app, 'GET', url, { token });
    pages.push(page);
    const link = page.headers.link as string | undefined;
    url = link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
    if (pages.length > 1000) throw new Error('paging did not end');
  }
  return pages;
}

/** POST /v1/organizations, asserting the 201; returns the new id. */
export async function createOrganization(app: NestFastifyApplication, token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(app, 'POST', '/v1/organizations', { token, body });
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}
