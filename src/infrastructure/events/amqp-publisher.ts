import { Logger } from '@nestjs/common';
import { connect, type ChannelModel, type ConfirmChannel, type Message, type RecoveringChannelModel } from 'amqplib';
import { redactUrl } from '../config/app.config.js';

/** One event ready for the wire: the body is the CloudEvent JSON (structured mode). */
export interface OutgoingMessage {
  id: string;
  type: string;
  routingKey: string;
  body: Buffer;
  time: Date;
}

/**
 * What the broker said about one message:
 * - `confirmed`: acked and not returned — delivered to at least one queue;
 * - `returned`: acked after a basic.return — no queue is bound for its routing key;
 * - `nacked`: the broker refused it;
 * - `unconfirmed`: the connection or channel went away (or the confirm timed out) before an answer;
 *   not the message's fault, and it may or may not have been delivered.
 */
export type PublishOutcome = 'confirmed' | 'returned' | 'nacked' | 'unconfirmed';

export class BrokerUnavailableError extends Error {
  constructor() {
    super('RabbitMQ is not connected');
  }
}

const CONFIRM_TIMEOUT_MS = 10_000;
const CONTENT_TYPE = 'application/cloudevents+json';

/**
 * Publishes to one durable topic exchange over a confirm channel. amqplib's connection recovery
 * reconnects with backoff by itself; each (re)connection declares the exchange and opens a fresh
 * confirm channel. Start-up never waits for the broker.
 */
export class AmqpPublisher {
  private readonly logger = new Logger('RabbitMQ');
  private connection: RecoveringChannelModel | undefined;
  private model: ChannelModel | undefined;
  private channel: ConfirmChannel | undefined;
  /** message_id → returned, filled by basic.return, read when that message's ack arrives. */
  private readonly returned = new Set<string>();
  private readonly upListeners = new Set<() => void>();
  private stopping = false;

  constructor(
    private readonly url: string,
    readonly exchange: string,
  ) {}

  get up(): boolean {
    return this.channel !== undefined;
  }

  /** Calls `listener` every time a channel becomes ready (after a first connect or a reconnect). */
  onUp(listener: () => void): () => void {
    this.upListeners.add(listener);
    return () => this.upListeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopping = false;
    const where = redactUrl(this.url);
    this.connection = await connect(this.url, {
      noDelay: true,
      recovery: {
        initialDelay: 250,
        maxDelay: 10_000,
        waitForConnect: false,
        setup: (model: ChannelModel) => this.open(model),
      },
    });
    this.connection.on('connect', () => {
      this.logger.log(`Connected to ${where}, publishing to exchange ${this.exchange}`);
      for (const listener of this.upListeners) listener();
    });
    this.connection.on('disconnect', (error: Error) => {
      this.drop();
      if (!this.stopping) this.logger.warn(`Lost the connection to ${where}: ${error.message}`);
    });
    this.connection.on('reconnect-scheduled', ({ attempt, delay, error }: { attempt: number; delay: number; error: Error }) => {
      // The first failures are worth a line each; after that, one line every tenth attempt.
      if (attempt <= 3 || attempt % 10 === 0) this.logger.warn(`Cannot reach ${where} (${error.message}); retry ${attempt} in ${delay} ms`);
    });
    this.connection.on('error', (error: Error) => this.logger.warn(`Connection error from ${where}: ${error.message}`));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const connection = this.connection;
    this.connection = undefined;
    this.drop();
    await connection?.close().catch(() => undefined);
  }

  /**
   * Publishes every message without waiting between them, then waits for the broker's answers.
   * Resolves with one outcome per message, in order. Throws BrokerUnavailableError when there is
   * no channel at all (nothing was sent).
   */
  async publish(messages: OutgoingMessage[]): Promise<PublishOutcome[]> {
    const channel = this.channel;
    if (!channel) throw new BrokerUnavailableError();
    const answers: Promise<PublishOutcome>[] = [];
    for (const message of messages) {
      let flowing = true;
      const answer = new Promise<PublishOutcome>((resolve) => {
        try {
          flowing = channel.publish(
            this.exchange,
            message.routingKey,
            message.body,
            {
              mandatory: true,
              persistent: true,
              contentType: CONTENT_TYPE,
              messageId: message.id,
              type: message.type,
              timestamp: Math.floor(message.time.getTime() / 1000),
            },
            (error: unknown) => {
              const returned = this.returned.delete(message.id);
              if (!error) resolve(returned ? 'returned' : 'confirmed');
              else resolve((error as Error).message === 'message nacked' ? 'nacked' : 'unconfirmed');
            },
          );
        } catch (error) {
          // A closed channel throws IllegalOperationError; an oversized header table a RangeError.
          this.logger.warn(`Could not publish event ${message.id}: ${(error as Error).message}`);
          resolve(error instanceof RangeError ? 'nacked' : 'unconfirmed');
        }
      });
      answers.push(answer);
      if (!flowing) await this.drained(channel);
    }
    return this.withTimeout(channel, answers);
  }

  private async open(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    // Listening first: a refused declaration (an exchange of another type) is an 'error' event.
    channel.on('error', (error: Error) => this.logger.warn(`Channel error: ${error.message}`));
    await channel.assertExchange(this.exchange, 'topic', { durable: true });
    // basic.return comes before the ack of the same message, so the ack callback sees it here.
    channel.on('return', (message: Message) => {
      const id = message.properties.messageId as string | undefined;
      if (id) this.returned.add(id);
    });
    channel.on('close', () => {
      if (this.channel !== channel) return;
      this.drop();
      // A channel can close while its connection lives on (e.g. the exchange was deleted):
      // closing the connection hands the problem to the recovery loop, which reopens both.
      if (!this.stopping) model.close().catch(() => undefined);
    });
    this.model = model;
    this.channel = channel;
  }

  private drop(): void {
    this.channel = undefined;
    this.model = undefined;
    this.returned.clear();
  }

  private drained(channel: ConfirmChannel): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        channel.off('drain', done);
        channel.off('close', done);
        resolve();
      };
      channel.once('drain', done);
      channel.once('close', done);
    });
  }

  /** A broker that stops answering (blocked on an alarm, a half-open socket) must not stall the relay. */
  private async withTimeout(channel: ConfirmChannel, answers: Promise<PublishOutcome>[]): Promise<PublishOutcome[]> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, CONFIRM_TIMEOUT_MS);
    });
    const settled: (PublishOutcome | undefined)[] = answers.map(() => undefined);
    answers.forEach((answer, index) => answer.then((outcome) => (settled[index] = outcome)));
    await Promise.race([Promise.all(answers), timeout]);
    clearTimeout(timer);
    if (timedOut && this.channel === channel) {
      this.logger.warn(`No confirms from RabbitMQ within ${CONFIRM_TIMEOUT_MS} ms: reconnecting`);
      const model = this.model;
      this.drop();
      model?.close().catch(() => undefined);
    }
    return settled.map((outcome) => outcome ?? 'unconfirmed');
  }
}
