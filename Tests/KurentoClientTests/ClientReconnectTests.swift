import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// A dropped connection is reopened and the session resumed with `connect {sessionId}`: objects and
/// subscriptions are kept, events arrive on the new connection.
@Suite struct ClientReconnectTests {
    @Test func reconnectsWithTheSameSessionAndKeepsEvents() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let session = try #require(await client.sessionID)
            let watch = await client.connectionEvents()
            let pipeline = try await MediaPipeline.create(client)
            let a = try await PassThrough.create(client, mediaPipeline: pipeline)
            let b = try await PassThrough.create(client, mediaPipeline: pipeline)
            let connected = try await a.subscribe(ElementConnectedEvent.self)

            await client.simulateConnectionLoss()
            var events = watch.makeAsyncIterator()
            #expect(await events.next() == .disconnected)
            #expect(await events.next() == .reconnected(sessionID: session))
            #expect(await client.sessionID == session)

            try await a.connect(sink: b, mediaType: .data)
            let event = try await first(of: connected)
            #expect(event.mediaType == .data)
            #expect(try await b.getName().isEmpty == false)
            await client.close()
            #expect(await events.next() == .closed)
        }
    }

    @Test func requestsMadeWhileDisconnectedGoOutAfterReconnecting() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            await client.simulateConnectionLoss()
            try await pipeline.setName("after the drop")
            #expect(try await pipeline.getName() == "after the drop")
            await client.close()
        }
    }

    @Test func lostSessionIsReportedAndEndsEventStreams() async throws {
        try await LoopbackServer.run { url, handler in
            var configuration = LoopbackServer.configuration()
            configuration.reconnect = .init(initialDelay: .milliseconds(400), maxDelay: .seconds(1))
            let client = try await KurentoClient.connect(to: url, configuration: configuration)
            let session = try #require(await client.sessionID)
            let watch = await client.connectionEvents()
            let pipeline = try await MediaPipeline.create(client)
            let element = try await PassThrough.create(client, mediaPipeline: pipeline)
            let connected = try await element.subscribe(ElementConnectedEvent.self)

            await client.simulateConnectionLoss()
            var events = watch.makeAsyncIterator()
            #expect(await events.next() == .disconnected)
            // While the client is away, the server forgets the session (as a restarted server would).
            try await Task.sleep(for: .milliseconds(100))
            await handler.dispatcher.closeSession(session, release: true)

            let next = await events.next()
            guard case .sessionLost(let error)? = next else {
                Issue.record("expected sessionLost, got \(String(describing: next))")
                await client.close()
                return
            }
            #expect(error.code == 40007)
            #expect(error.type == "INVALID_SESSION")
            var iterator = connected.makeAsyncIterator()
            await #expect { _ = try await iterator.next() } throws: { ($0 as? KurentoClientError)?.kind == .sessionLost }
            // The client goes on with a new session.
            let fresh = try await MediaPipeline.create(client)
            #expect(await client.sessionID != session)
            try await fresh.release()
            await client.close()
        }
    }
}
