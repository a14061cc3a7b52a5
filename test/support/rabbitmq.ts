import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';

/** The local broker the fault tests use (`.ci/run` starts it). */
export const AMQP_TEST_URL = process.env.TEST_AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672';

/** Three tries: a loaded machine must not turn a slow first connection into skipped tests. */
async function reachable(): Promise<true | Error> {
  let last: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const connection = await connect(AMQP_TEST_URL, { timeout: 5000 });
      await connection.close();
      return true;
    } catch (error) {
      last = error as Error;
    }
  }
  return last!;
}

const probe = await reachable();
/** A `skip` reason when no broker answers (an error under CI=true: the fallback is not allowed there). */
export const NEEDS_RABBITMQ: string | false =
  probe === true ? false : process.env.CI === 'true' ? false : `needs RabbitMQ at ${AMQP_TEST_URL} (${probe.message})`;

export const uniqueName = (prefix: string) => `${prefix}.${randomBytes(5).toString('hex')}`;

const run = promisify(execFile);
export const rabbitmqctl = (...args: string[]) => run('rabbitmqctl', ['--quiet', ...args], { timeout: 30_000 });

/** A vhost of its own (so closing its connections touches no one else's), with guest allowed in. */
export async function createVhost(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = uniqueName('entropy-test');
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl('set_permissions', '-p', name, 'guest', '.*', '.*', '.*');
  const url = new URL(AMQP_TEST_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return { name, url: url.toString(), drop: async () => void (await rabbitmqctl('delete_vhost', name)) };
}

export interface Received {
  message: ConsumeMessage;
  routingKey: string;
  body: Record<string, unknown>;
}

/**
 * A durable queue bound to the exchange with `#`, which collects what arrives. Being durable and
 * named, it keeps messages while connections are closed under it; `drop()` deletes it and the exchange.
 */
export class QueueProbe {
  readonly received: Received[] = [];
  private connection: ChannelModel | undefined;
  private consuming = false;

  private constructor(
    readonly url: string,
    readonly exchange: string,
    readonly queue: string,
  ) {}

  static async bind(url: string, exchange: string): Promise<QueueProbe> {
    const probe = new QueueProbe(url, exchange, uniqueName('entropy.test.queue'));
    const connection = await connect(url);
    const channel = await connection.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(probe.queue, { durable: true });
    await channel.bindQueue(probe.queue, exchange, '#');
    await connection.close();
    return probe;
  }

  /** Starts consuming (again after a forced close); safe to call repeatedly. */
  async consume(): Promise<void> {
    if (this.consuming) return;
    this.consuming = true;
    const connection = await connect(this.url);
    this.connection = connection;
    connection.on('error', () => undefined);
    connection.on('close', () => {
      this.consuming = false;
      this.connection = undefined;
    });
    const channel = await connection.createChannel();
    await channel.consume(this.queue, (message) => {
      if (!message) return;
      this.received.push({ message, routingKey: message.fields.routingKey, body: JSON.parse(message.content.toString('utf8')) });
      channel.ack(message);
    });
  }

  /** Consumes again if the broker closed the consumer's connection. */
  async ensureConsuming(): Promise<void> {
    if (!this.consuming) await this.consume().catch(() => (this.consuming = false));
  }

  ids(): string[] {
    return this.received.map((r) => r.message.properties.messageId as string);
  }

  /** Waits until `count` distinct message ids arrived (reconnecting the consumer if it was closed). */
  async waitForDistinct(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (new Set(this.ids()).size < count) {
      if (Date.now() > deadline) throw new Error(`only ${new Set(this.ids()).size} of ${count} distinct events arrived`);
      await this.ensureConsuming();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async drop(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
    const connection = await connect(this.url);
    const channel = await connection.createChannel();
    await channel.deleteQueue(this.queue);
    await channel.deleteExchange(this.exchange);
    await connection.close();
  }
}
