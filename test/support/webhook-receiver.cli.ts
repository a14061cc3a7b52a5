/**
 * A local webhook receiver, to watch deliveries arrive (see the README's webhooks walkthrough):
 *
 *   npm run webhook:receiver                                  # listens on 127.0.0.1:4020
 *   WEBHOOK_SECRET=whsec_... PORT=4020 npm run webhook:receiver
 *   npm run webhook:receiver -- --secret whsec_... --port 4020
 *
 * Prints one block per delivery: its headers, whether the Standard Webhooks signature verifies
 * with the secret (checked with the `standardwebhooks` package, as a customer would), and the
 * CloudEvent. Answers 200 (204 for HEAD/GET probes); `--status 500` makes it answer that instead.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';

const { values } = parseArgs({
  options: { port: { type: 'string' }, secret: { type: 'string' }, status: { type: 'string' } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 4020);
const secret = values.secret ?? process.env.WEBHOOK_SECRET;
const status = Number(values.status ?? 200);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`webhook-receiver: the port must be a port number, got ${JSON.stringify(values.port ?? process.env.PORT)}\n`);
  process.exit(2);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const header = (name: string) => String(req.headers[name] ?? '');
    let verdict: string;
    if (!secret) verdict = 'not checked (start with WEBHOOK_SECRET=whsec_... or --secret)';
    else {
      try {
        new Webhook(secret).verify(body, {
          'webhook-id': header('webhook-id'),
          'webhook-timestamp': header('webhook-timestamp'),
          'webhook-signature': header('webhook-signature'),
        });
        verdict = 'VERIFIED';
      } catch (error) {
        verdict = `INVALID (${(error as Error).message})`;
      }
    }
    let pretty = body;
    try {
      pretty = JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      // Not JSON: printed as it came.
    }
    process.stdout.write(
      `\n--- ${new Date().toISOString()} ${req.method} ${req.url}\n` +
        `webhook-id: ${header('webhook-id')}\nwebhook-timestamp: ${header('webhook-timestamp')}\n` +
        `webhook-signature: ${header('webhook-signature')}\nuser-agent: ${header('user-agent')}\n` +
        `signature: ${verdict}\n${pretty}\n`,
    );
    res.writeHead(req.method === 'POST' ? status : 204).end();
  });
});

server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as { port: number };
  process.stdout.write(`Webhook receiver on http://127.0.0.1:${bound}/ (signature check: ${secret ? 'on' : 'off, no secret given'})\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
