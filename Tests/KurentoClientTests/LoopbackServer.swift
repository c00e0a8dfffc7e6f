import KurentoClient
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// A kidl server (platform modules, WebSocket transport) on a free loopback port, for one test.
enum LoopbackServer {
    /// Runs `body` with the server's URL; the server, serving the platform modules and `modules`, stops when
    /// `body` returns.
    static func run<T: Sendable>(modules: [any KurentoModule] = [],
                                 _ body: @Sendable (_ url: String, _ handler: KurentoProtocolHandler) async throws -> T) async throws -> T {
        let core = KurentoServerCore(modules: modules)
        let handler = KurentoProtocolHandler(dispatcher: core.dispatcher)
        var logger = Logger(label: "kidl.test.server")
        logger.logLevel = .critical
        let server = KurentoWebSocketServer(handler: handler, configuration: .init(port: 0), logger: logger)
        return try await server.serving { port in try await body("ws://127.0.0.1:\(port)/kurento", handler) }
    }

    /// A client configuration for tests: quiet, quick to reconnect.
    static func configuration(requestTimeout: Duration = .seconds(10)) -> KurentoClient.Configuration {
        var logger = Logger(label: "kidl.test.client")
        logger.logLevel = .warning
        return .init(requestTimeout: requestTimeout, heartbeatInterval: nil,
                     reconnect: .init(initialDelay: .milliseconds(20), maxDelay: .milliseconds(200)), logger: logger)
    }
}

/// Connects with a configuration whose request timeout is deliberately short: the connection's own first
/// `describe` may miss it when the test process is starved of CPU (2 cores, compilers running beside), so a
/// timed-out connect is tried again, up to 10 times. What such a test checks comes after the connection.
func connectWithShortTimeout(to url: String, configuration: KurentoClient.Configuration) async throws -> KurentoClient {
    for _ in 1..<10 {
        do {
            return try await KurentoClient.connect(to: url, configuration: configuration)
        } catch let error as KurentoClientError where error.kind == .requestTimeout {
            continue
        }
    }
    return try await KurentoClient.connect(to: url, configuration: configuration)
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The first element of a sequence, or a failure after `timeout`.
func first<S: AsyncSequence & Sendable>(of sequence: S, within timeout: Duration = .seconds(20)) async throws -> S.Element
where S.Element: Sendable {
    try await withThrowingTaskGroup(of: S.Element?.self) { group in
        group.addTask {
            for try await element in sequence { return element }
            return nil
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw TestFailure("nothing arrived within \(timeout)")
        }
        defer { group.cancelAll() }
        guard let element = try await group.next() ?? nil else { throw TestFailure("the sequence ended") }
        return element
    }
}
