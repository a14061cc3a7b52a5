/**
 * Bounds on how long a client may hold a connection without completing its part, so slow
 * (trickling) clients cannot pin sockets and memory. Fastify's defaults leave the request
 * unbounded.
 */
export const SERVER_TIMEOUTS = {
  /** The contract: a request, headers and body, must arrive within 30 s (answered 408, then closed). */
  requestTimeout: 30_000,
  /** A socket silent this long is closed; above any handler's bounded work. */
  connectionTimeout: 60_000,
  /** An idle keep-alive socket is kept this long: above the 60 s idle timeout of common load balancers, so they close first. */
  keepAliveTimeout: 72_000,
  http: {
    /** The request line and headers must arrive within 15 s. */
    headersTimeout: 15_000,
    /** Node checks the two limits above only this often (30 s by default, which would double them). */
    connectionsCheckingInterval: 1_000,
  },
} as const;
