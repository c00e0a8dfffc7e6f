import KurentoRuntime
import KurentoWebSocket
import Testing

/// The message-size limit (1 MiB by default): a bigger message closes that connection only; one just under it
/// is served.
@Suite struct FrameSizeTests {
    static let limit = KurentoWebSocketServer.Configuration().maxMessageSize

    /// A `setName` request of exactly `size` bytes.
    private func setName(_ object: String, session: String, id: Int, size: Int) -> (text: String, name: String) {
        let head = #"{"jsonrpc":"2.0","id":\#(id),"method":"invoke","params":{"object":"\#(object)","operation":"setName","operationParams":{"name":""#
        let tail = #""},"sessionId":"\#(session)"}}"#
        let name = String(repeating: "n", count: size - head.utf8.count - tail.utf8.count)
        return (head + name + tail, name)
    }

    @Test func aMessageJustUnderTheLimitIsServed() async throws {
        #expect(Self.limit == 1 << 20)
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            let (text, name) = setName(pipeline, session: s.id, id: 1, size: Self.limit - 16)
            #expect(text.utf8.count == Self.limit - 16)
            expectValue(try await s.client.call(raw: text, id: 1), id: 1, session: .equal(s.id))
            // The answer to getName is about as big: responses have no limit.
            #expect(try await s.invoke(pipeline, "getName") == .string(name))
            await s.close()
        }
    }

    @Test func aBiggerFrameClosesOnlyThatConnection() async throws {
        try await TestServer.run { server in
            let other = try await Session.open(server)
            let kept = try await other.create("MediaPipeline")
            let big = try await Session.open(server)
            let doomed = try await big.create("MediaPipeline")
            let (text, _) = setName(doomed, session: big.id, id: 1, size: Self.limit + 1024)
            big.client.send(text)
            #expect(await big.client.waitUntilClosed(), "the server closes a connection that sends a too-big frame")
            // The others go on, and new connections are served.
            #expect(try await other.invoke(kept, "getName") == .string(kept))
            let fresh = try await server.connect()
            expectValue(try await fresh.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":1}"#, id: 1), id: 1, session: .absent)
            await fresh.close()
            // The big sender's session and objects stay (until its session times out): it may reconnect.
            #expect(server.registry.object(withID: doomed) != nil)
            await other.close()
        }
    }

    /// The limit is on messages: small fragments adding up to more than the limit close the connection too.
    @Test func aFragmentedMessageOverTheLimitClosesTheConnection() async throws {
        try await TestServer.run { server in
            let other = try await server.connect()
            let client = try await server.connect(maxFrameSize: 1 << 16)
            let text = #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "p", count: Self.limit + 10) + #""}}"#
            client.sendFragmented(text)
            #expect(await client.waitUntilClosed())
            expectValue(try await other.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":2}"#, id: 2), id: 2, session: .absent)
            await other.close()
        }
    }

    @Test func aFragmentedMessageUnderTheLimitIsServed() async throws {
        try await TestServer.run { server in
            let client = try await server.connect(maxFrameSize: 1 << 16)
            let text = #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "p", count: 300_000) + #""}}"#
            client.sendFragmented(text)
            expectValue(try await client.response(id: 1), id: 1, session: .absent)
            await client.close()
        }
    }
}
