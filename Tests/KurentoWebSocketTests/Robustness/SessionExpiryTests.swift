import KurentoRuntime
import KurentoWebSocket
import Testing

/// A session whose client went away has its objects released after the session timeout (short here); sessions
/// with a connection, and objects other sessions hold, are not touched.
@Suite struct SessionExpiryTests {
    static let configuration = KurentoWebSocketServer.Configuration(sessionTimeout: .milliseconds(300), sessionCheckInterval: .milliseconds(50))

    /// Waits (bounded) until `condition` holds.
    private func eventually(_ what: Comment, within limit: Duration = .seconds(10), _ condition: () -> Bool,
                            sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("not within \(limit): \(what)", sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Sessions are checked a quarter of the timeout apart (at most 10 s), so a short timeout is kept closely.
    @Test func theCheckIntervalFollowsTheTimeout() {
        #expect(KurentoWebSocketServer.Configuration().sessionCheckInterval == .seconds(10))
        #expect(KurentoWebSocketServer.Configuration(sessionTimeout: .seconds(3)).sessionCheckInterval == .milliseconds(750))
        #expect(KurentoWebSocketServer.Configuration(sessionTimeout: .zero).sessionCheckInterval == .milliseconds(10))
        #expect(KurentoWebSocketServer.Configuration(sessionTimeout: .seconds(3), sessionCheckInterval: .seconds(1)).sessionCheckInterval
                == .seconds(1))
    }

    @Test func theObjectsOfAVanishedClientAreReleased() async throws {
        try await TestServer.run(configuration: Self.configuration) { server in
            let gone = try await Session.open(server)
            let (pipeline, elements) = try await gone.pipeline(withPassThroughs: 2)
            let stays = try await Session.open(server)
            let (own, ownElements) = try await stays.pipeline(withPassThroughs: 1)
            await gone.close()
            try await eventually("the vanished session's objects are released") {
                ([pipeline] + elements).allSatisfy { server.registry.object(withID: $0) == nil }
            }
            // The idle but connected session kept everything, and is still valid.
            for id in [own] + ownElements { #expect(server.registry.object(withID: id) != nil) }
            let alive = try await stays.call("keepAlive")
            expectResult(alive, id: alive["id"] ?? .null, session: .equal(stays.id))
            #expect(try await stays.invoke(own, "getChildren").strings == ownElements)
            // The expired session is gone: a reconnect is told so (the client then empties its cache, behaviour §4.9).
            let back = try await server.connect()
            let reconnect = try await back.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(gone.id)"},"id":1}"#, id: 1)
            expectError(reconnect, id: 1, code: 40007, data: .type("INVALID_SESSION"))
            await back.close()
            await stays.close()
        }
    }

    /// Objects that another session also holds stay; only what nobody else holds is released (reference §6.1).
    @Test func objectsOtherSessionsHoldAreKept() async throws {
        try await TestServer.run(configuration: Self.configuration) { server in
            let gone = try await Session.open(server)
            let (pipeline, elements) = try await gone.pipeline(withPassThroughs: 2)
            let other = try await Session.open(server)
            try await other.invoke(pipeline, "getName")      // `other` becomes a holder of the pipeline
            try await other.invoke(elements[0], "getName")   // and of the first element
            await gone.close()
            try await eventually("the element only the vanished session held is released") {
                server.registry.object(withID: elements[1]) == nil
            }
            #expect(server.registry.object(withID: pipeline) != nil, "held by another session")
            #expect(server.registry.object(withID: elements[0]) != nil, "held by another session")
            #expect(try await other.invoke(pipeline, "getChildren").strings == [elements[0]])
            await other.close()
        }
    }

    /// A client that reconnects in time keeps its session.
    @Test func aReconnectWithinTheTimeoutKeepsTheSession() async throws {
        try await TestServer.run(configuration: .init(sessionTimeout: .seconds(30), sessionCheckInterval: .milliseconds(50))) { server in
            let first = try await Session.open(server)
            let pipeline = try await first.create("MediaPipeline")
            await first.close()
            // A few expiry checks pass meanwhile.
            try await Task.sleep(for: .milliseconds(200))
            let back = try await server.connect()
            expectResult(try await back.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(first.id)"},"id":1}"#, id: 1),
                         id: 1, session: .equal(first.id))
            #expect(try await Session(client: back, id: first.id).invoke(pipeline, "getName") == .string(pipeline))
            await back.close()
        }
    }

    /// A connection may use several sessions (`connect` without sessionId twice, or explicit sessionIds): when it
    /// goes away, every one of them expires, not only the last it used.
    @Test func everySessionOfAVanishedConnectionExpires() async throws {
        try await TestServer.run(configuration: Self.configuration) { server in
            let client = try await server.connect()
            let first = try #require(expectResult(try await client.call("connect", id: 0), id: 0)["sessionId"]?.stringValue)
            let firstPipeline = try await Session(client: client, id: first).create("MediaPipeline")
            let second = try #require(expectResult(try await client.call("connect", id: 1), id: 1)["sessionId"]?.stringValue)
            let secondPipeline = try await Session(client: client, id: second).create("MediaPipeline")
            await client.close()
            try await eventually("the objects of both sessions are released") {
                server.registry.object(withID: firstPipeline) == nil && server.registry.object(withID: secondPipeline) == nil
            }
        }
    }
}
