import ChromaKey
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// A server of the platform modules and chromakey on a free loopback port, for one test.
enum LoopbackServer {
    /// Runs `body` with the server's URL (`ws://127.0.0.1:<port>/kurento`); the server stops when it returns.
    static func run<T: Sendable>(_ body: @Sendable (_ url: String) async throws -> T) async throws -> T {
        let core = KurentoServerCore(modules: [ChromakeyModule.implemented])
        var logger = Logger(label: "chromakey.test.server")
        logger.logLevel = .critical
        let server = KurentoWebSocketServer(handler: KurentoProtocolHandler(dispatcher: core.dispatcher),
                                            configuration: .init(port: 0), logger: logger)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.run { port in portContinuation.yield(port) }
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw ExampleFailure("the server did not start") }
            defer { group.cancelAll() }
            return try await body("ws://127.0.0.1:\(port)/kurento")
        }
    }
}

struct ExampleFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
