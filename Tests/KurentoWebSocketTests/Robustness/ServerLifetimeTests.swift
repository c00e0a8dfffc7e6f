import KurentoRuntime
import KurentoServer
import Testing

/// A stopped server lets go of everything it served: nothing a connection set up keeps the protocol handler
/// (and so the registry and its objects) alive. hummingbird-websocket's router WebSocket routes kept each
/// upgraded request's context in a reference cycle that held the handler; LeakSanitizer found it.
@Suite struct ServerLifetimeTests {
    @Test func aStoppedServerIsFreedWithWhatItsConnectionsUsed() async throws {
        weak var handler: KurentoProtocolHandler?
        weak var core: KurentoServerCore?
        try await TestServer.run { server in
            handler = server.handler
            core = server.core
            let client = try await server.connect()
            let created = try await client.call(raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline"},"id":1}"#, id: 1)
            expectValue(created, id: 1)
            await client.close()
        }
        // The connection's tasks end soon after the server stops: wait for them (bounded), then look once more.
        let deadline = ContinuousClock.now + .seconds(30)
        while handler != nil || core != nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(handler == nil, "the protocol handler outlives its server")
        #expect(core == nil, "the server core outlives its server")
    }
}
