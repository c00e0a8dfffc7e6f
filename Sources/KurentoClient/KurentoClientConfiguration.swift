import Logging

extension KurentoClient {
    /// How a client talks to its server: timeouts, keep-alive pings, reconnection.
    public struct Configuration: Sendable {
        /// How long a request waits for its answer (the JavaScript client's 20 s).
        public var requestTimeout: Duration
        /// How often an idle connection is pinged; nil for never. A ping that gets no answer drops the
        /// connection, which the client then reopens.
        public var heartbeatInterval: Duration?
        public var reconnect: ReconnectPolicy
        /// The largest message accepted from the server.
        public var maxMessageSize: Int
        public var logger: Logger
        /// Sees every frame the client writes to the connection and every message it reads, in order (for
        /// debugging and wire tests).
        public var trace: (@Sendable (Frame) -> Void)?

        public init(requestTimeout: Duration = .seconds(20), heartbeatInterval: Duration? = .seconds(60),
                    reconnect: ReconnectPolicy = .init(), maxMessageSize: Int = 16 << 20,
                    logger: Logger = Logger(label: "kidl.client"), trace: (@Sendable (Frame) -> Void)? = nil) {
            self.requestTimeout = requestTimeout
            self.heartbeatInterval = heartbeatInterval
            self.reconnect = reconnect
            self.maxMessageSize = maxMessageSize
            self.logger = logger
            self.trace = trace
        }
    }

    /// A message on the connection, as `Configuration.trace` sees it.
    public enum Frame: Sendable, Hashable {
        case sent(String)
        case received(String)
    }

    /// When a connection drops, the client opens a new one and resumes its session (`connect {sessionId}`).
    /// Attempts wait a Fibonacci series of delays from `initialDelay`, capped at `maxDelay`.
    public struct ReconnectPolicy: Sendable {
        /// Attempts before giving up (the client then closes); nil for no limit, 0 for no reconnection.
        public var maxAttempts: Int?
        public var initialDelay: Duration
        public var maxDelay: Duration

        public init(maxAttempts: Int? = nil, initialDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(5)) {
            self.maxAttempts = maxAttempts
            self.initialDelay = initialDelay
            self.maxDelay = maxDelay
        }

        /// The delay before attempt `n` (0-based).
        func delay(beforeAttempt n: Int) -> Duration {
            var (a, b) = (initialDelay, initialDelay)
            for _ in 0..<n {
                (a, b) = (b, a + b)
                if a >= maxDelay { return maxDelay }
            }
            return min(a, maxDelay)
        }
    }
}
