import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// A whole server (platform modules, protocol handler, WebSocket transport) listening on 127.0.0.1 on a free
/// port, for the duration of one test.
struct TestServer: Sendable {
    let port: Int
    let core: KurentoServerCore
    let handler: KurentoProtocolHandler

    var registry: ObjectRegistry { core.dispatcher.registry }

    /// A new client connected to this server.
    func connect(path: String = "/kurento", maxFrameSize: Int = 1 << 24) async throws -> WireClient {
        try await WireClient.connect(port: port, path: path, maxFrameSize: maxFrameSize)
    }

    /// Runs `body` with a server started for it and stopped afterwards (also when `body` throws).
    static func run<T: Sendable>(
        configuration: KurentoWebSocketServer.Configuration = .init(),
        requestCacheLifetime: Duration? = .seconds(20),
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let core = KurentoServerCore()
        let handler = KurentoProtocolHandler(dispatcher: core.dispatcher, requestCacheLifetime: requestCacheLifetime)
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        var logger = Logger(label: "kidl.test.server")
        logger.logLevel = .critical
        let server = KurentoWebSocketServer(handler: handler, configuration: configuration, logger: logger)
        return try await server.serving { port in
            try await body(TestServer(port: port, core: core, handler: handler))
        }
    }
}
