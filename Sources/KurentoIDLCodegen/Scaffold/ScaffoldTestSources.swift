/// The test target of a package `kidlc init` creates: a server on a loopback WebSocket, and a test that drives
/// the module through it with the generated client.
extension PackageScaffold {
    var loopbackServer: String {
        let n = names
        return """
            import \(n.serverTarget)
            import KurentoRuntime
            import KurentoServer
            import KurentoWebSocket
            import Logging

            /// A server of the platform modules and `\(n.module)` on a free loopback port, for one test.
            enum LoopbackServer {
                /// Runs `body` with the server's URL (`ws://127.0.0.1:<port>/kurento`); the server stops when it returns.
                static func run<T: Sendable>(_ body: @Sendable (_ url: String) async throws -> T) async throws -> T {
                    let core = KurentoServerCore(modules: [\(n.moduleType).implemented])
                    var logger = Logger(label: "\(n.module).test.server")
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
                        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
                        defer { group.cancelAll() }
                        return try await body("ws://127.0.0.1:\\(port)/kurento")
                    }
                }
            }

            struct TestFailure: Error, CustomStringConvertible {
                var description: String
                init(_ description: String) { self.description = description }
            }

            """
    }

    var clientTests: String {
        let n = names
        return """
            import \(n.clientTarget)
            import KurentoRuntime
            import Testing

            /// The generated client drives `\(n.implementation)` through a real server on a loopback WebSocket.
            @Suite struct \(n.className)Tests {
                @Test func marksAreCountedAndRaiseEvents() async throws {
                    try await LoopbackServer.run { url in
                        let client = try await KurentoClient.connect(to: url)
                        let pipeline = try await MediaPipeline.create(client)
                        let object = try await \(n.className).create(client, mediaPipeline: pipeline)
                        #expect(object.id.hasSuffix("_\(n.module).\(n.className)"))
                        #expect(try await object.getEnabled())
                        try await object.setEnabled(false)
                        #expect(try await object.getEnabled() == false)

                        let marks = try await object.subscribe(\(n.eventType).self)
                        #expect(try await object.mark(label: "first") == 1)
                        let event = try await next(of: marks)
                        #expect(event.label == "first")
                        #expect(event.count == 1)
                        #expect(event.source == object.reference)
                        #expect(try await object.mark(label: "second") == 2)
                        #expect(try await next(of: marks).count == 2)
                        try await marks.cancel()

                        let empty = await #expect(throws: KurentoError.self) { _ = try await object.mark(label: "") }
                        #expect(empty?.type == "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR")
                        await client.close()
                    }
                }
            }

            /// The next event of a subscription, or a failure when none comes within 20 seconds.
            func next<S: AsyncSequence & Sendable>(of events: S) async throws -> S.Element where S.Element: Sendable {
                try await withThrowingTaskGroup(of: S.Element?.self) { group in
                    group.addTask {
                        for try await event in events { return event }
                        return nil
                    }
                    group.addTask {
                        try await Task.sleep(for: .seconds(20))
                        throw TestFailure("no event within 20 s")
                    }
                    defer { group.cancelAll() }
                    guard let event = try await group.next() ?? nil else { throw TestFailure("the subscription ended") }
                    return event
                }
            }

            """
    }
}
