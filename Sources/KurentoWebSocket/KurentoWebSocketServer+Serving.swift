extension KurentoWebSocketServer {
    /// Runs the server while `body` runs, with the port it listens on (`configuration.port` 0: a free one), and
    /// stops it when `body` returns or throws. For tests, examples and tools that bring their own server.
    public func serving<T: Sendable>(_ body: (_ port: Int) async throws -> T) async throws -> T {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await run { port in portContinuation.yield(port) }
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw KurentoServerNotStarted() }
            defer { group.cancelAll() }
            return try await body(port)
        }
    }
}

/// The server ended before it listened (e.g. the port was taken).
public struct KurentoServerNotStarted: Error, CustomStringConvertible {
    public var description: String { "the Kurento WebSocket server stopped before it listened" }
}
