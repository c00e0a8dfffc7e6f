import KurentoRuntime
import Testing

/// The duplicate-request cache (reference §6.7): a retransmitted request (same session, same id) gets the
/// same response and is not executed twice.
@Suite struct DuplicateRequestTests {
    @Test func aRepeatedCreateAnswersTheSameObject() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            let frame = #"{"jsonrpc":"2.0","method":"create","params":{"type":"PassThrough","constructorParams":{"mediaPipeline":"\#(pipeline)"},"sessionId":"\#(s.id)"},"id":12}"#
            let first = try await s.client.call(raw: frame, id: 12)
            let second = try await s.client.call(raw: frame, id: 12)
            expectObjectID(expectValue(first, id: 12, session: .equal(s.id)), type: "PassThrough", parent: pipeline)
            #expect(first == second, "the same response")
            #expect(try await s.invoke(pipeline, "getChildren").strings?.count == 1, "executed once")
            await s.close()
        }
    }

    /// The first request of a connection has no sessionId; its retransmission gets the session injected and
    /// so finds the cached response.
    @Test func aRepeatedFirstRequestWithoutSession() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let frame = #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline"},"id":3}"#
            let first = try await client.call(raw: frame, id: 3)
            let second = try await client.call(raw: frame, id: 3)
            expectObjectID(expectValue(first, id: 3), type: "MediaPipeline")
            #expect(first == second)
            #expect(server.registry.count == 2, "the server manager and one pipeline")
            await client.close()
        }
    }

    /// A client that lost its socket resends its last request on the new one, after `connect {sessionId}`.
    @Test func aRetransmissionAfterReconnectIsNotExecutedAgain() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let frame = #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline","sessionId":"\#(s.id)"},"id":20}"#
            let first = try await s.client.call(raw: frame, id: 20)
            await s.close()
            let again = try await server.connect()
            expectResult(try await again.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(s.id)"},"id":21}"#, id: 21),
                         id: 21, session: .equal(s.id))
            let second = try await again.call(raw: frame, id: 20)
            #expect(first == second)
            #expect(server.registry.count == 2)
            await again.close()
        }
    }

    @Test func theSameIdInAnotherSessionIsExecuted() async throws {
        try await TestServer.run { server in
            let a = try await Session.open(server)
            let b = try await Session.open(server)
            let frame = { (session: String) in #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline","sessionId":"\#(session)"},"id":5}"# }
            let first = expectValue(try await a.client.call(raw: frame(a.id), id: 5), id: 5, session: .equal(a.id))
            let second = expectValue(try await b.client.call(raw: frame(b.id), id: 5), id: 5, session: .equal(b.id))
            #expect(first != second)
            #expect(server.registry.count == 3)
            await a.close()
            await b.close()
        }
    }

    /// Errors are cached like results; a different request reusing an id within the cache lifetime gets the
    /// first response (the cache is keyed by session and id only, as in Kurento).
    @Test func theCacheIsKeyedBySessionAndIdOnly() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let failing = #"{"jsonrpc":"2.0","method":"invoke","params":{"object":"1234","operation":"getName","sessionId":"\#(s.id)"},"id":9}"#
            let first = try await s.client.call(raw: failing, id: 9)
            expectError(first, id: 9, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"))
            let other = #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline","sessionId":"\#(s.id)"},"id":9}"#
            #expect(try await s.client.call(raw: other, id: 9) == first)
            #expect(server.registry.count == 1, "the create was not executed")
            await s.close()
        }
    }

    @Test func withoutTheCacheRequestsRunAgain() async throws {
        try await TestServer.run(requestCacheLifetime: nil) { server in
            let s = try await Session.open(server)
            let frame = #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline","sessionId":"\#(s.id)"},"id":12}"#
            let first = try await s.client.call(raw: frame, id: 12)
            let second = try await s.client.call(raw: frame, id: 12)
            #expect(first != second)
            await s.close()
        }
    }
}
