import Hummingbird
import HummingbirdWebSocket
import KurentoRuntime
import Logging
import NIOCore
import Synchronization

/// Serves the Kurento protocol over WebSocket: one text frame per JSON-RPC message, at `/kurento` on
/// 127.0.0.1 by default. Each connection's requests are handled in order; responses and events go out
/// through one writer per connection.
public struct KurentoWebSocketServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var path: String
        /// The largest message accepted; a bigger one closes the connection (others go on).
        public var maxMessageSize: Int
        /// How long a session without a connection keeps its objects.
        public var sessionTimeout: Duration
        /// How often sessions are checked for expiry: by default a quarter of the timeout, at most 10 s, so that a
        /// session outlives its timeout by at most a quarter of it.
        public var sessionCheckInterval: Duration

        public init(host: String = "127.0.0.1", port: Int = 8888, path: String = "/kurento", maxMessageSize: Int = 1 << 20,
                    sessionTimeout: Duration = .seconds(240), sessionCheckInterval: Duration? = nil) {
            self.host = host
            self.port = port
            self.path = path
            self.maxMessageSize = maxMessageSize
            self.sessionTimeout = sessionTimeout
            self.sessionCheckInterval = sessionCheckInterval ?? min(.seconds(10), max(.milliseconds(10), sessionTimeout / 4))
        }
    }

    public let handler: KurentoProtocolHandler
    public let configuration: Configuration
    public let logger: Logger

    public init(handler: KurentoProtocolHandler, configuration: Configuration = .init(), logger: Logger = Logger(label: "kidl.websocket")) {
        self.handler = handler
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until the task is cancelled (or the process is told to stop); `onListening` gets the bound port.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = makeApplication(onListening: onListening)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { try await expireSessions() }
            // The application returns on SIGTERM/SIGINT (graceful shutdown); the expiry loop must end with it, or
            // the process never exits.
            try await group.next()
            group.cancelAll()
        }
    }

    /// The Hummingbird application: WebSocket upgrades of GET requests at the configured path, nothing else.
    ///
    /// The upgrade is decided here rather than by a router WebSocket route: hummingbird-websocket 2.8's router
    /// stores each upgraded request's context in a box that the context itself holds, a reference cycle, so
    /// every connection leaked its context and, through the handler closure, kept the whole server alive.
    public func makeApplication(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let handler = self.handler
        let limit = configuration.maxMessageSize
        let logger = self.logger
        let path = Self.pathComponents(configuration.path)
        return Application(
            router: Router(),
            server: .http1WebSocketUpgrade(
                configuration: HTTP1WebSocketUpgradeChannel.Configuration(ws: .init(maxFrameSize: limit, autoPing: .disabled))
            ) { head, _, _ in
                guard head.method == .get, Self.pathComponents(head.path ?? "") == path else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in
                    try await Self.serve(inbound: inbound, outbound: outbound, handler: handler, maxMessageSize: limit, logger: logger)
                }
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kidl-server"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// A request target's path as a router matches it: without query or fragment, empty components ignored.
    static func pathComponents(_ target: String) -> [Substring] {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        return path.split(separator: "/")
    }

    /// One connection: reads messages in order and hands each to the protocol handler. Events go out through a
    /// writer task; a response is written at once unless messages wait in that task's queue (the events the request
    /// caused, sent before its response), which saves a task switch per request.
    static func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, handler: KurentoProtocolHandler,
                      maxMessageSize: Int, logger: Logger) async throws {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let queued = QueuedCount()
        let connection = RPCConnection(send: { text in
            queued.value.add(1, ordering: .sequentiallyConsistent)
            continuation.yield(text)
        })
        defer {
            handler.connectionClosed(connection)
            continuation.finish()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in stream {
                    try await outbound.write(.text(text))
                    queued.value.subtract(1, ordering: .sequentiallyConsistent)
                }
            }
            do {
                for try await message in inbound.messages(maxSize: maxMessageSize) {
                    let text: String
                    switch message {
                    case .text(let t): text = t
                    case .binary(let buffer): text = String(buffer: buffer)
                    }
                    guard let reply = await handler.handle(text, from: connection) else { continue }
                    if queued.value.load(ordering: .sequentiallyConsistent) == 0 {
                        try await outbound.write(.text(reply))
                    } else {
                        connection.send(reply)
                    }
                }
            } catch {
                logger.info("connection closed: \(error)")
            }
            continuation.finish()
            try await group.waitForAll()
        }
    }

    /// Releases the objects of sessions whose client went away and did not come back in time.
    private func expireSessions() async throws {
        while !Task.isCancelled {
            try await Task.sleep(for: configuration.sessionCheckInterval)
            handler.keepConnectedSessionsAlive()
            let closed = await handler.expireSessions(idleLongerThan: configuration.sessionTimeout)
            if !closed.isEmpty { logger.info("released the objects of expired sessions: \(closed.joined(separator: ", "))") }
        }
    }
}

/// How many messages wait in a connection's writer queue.
private final class QueuedCount: Sendable {
    let value = Atomic<Int>(0)
}
