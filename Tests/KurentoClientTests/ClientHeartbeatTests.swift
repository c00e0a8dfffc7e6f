import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// Keep-alive pings, and a connection whose pings go unanswered being replaced.
@Suite struct ClientHeartbeatTests {
    @Test func pingsWhileIdle() async throws {
        let recorder = FrameRecorder()
        try await LoopbackServer.run { url, _ in
            var configuration = LoopbackServer.configuration()
            configuration.heartbeatInterval = .milliseconds(30)
            configuration.trace = recorder.trace
            let client = try await KurentoClient.connect(to: url, configuration: configuration)
            for _ in 0..<200 where recorder.requests("ping").count < 3 { try await Task.sleep(for: .milliseconds(10)) }
            let pings = recorder.requests("ping")
            #expect(pings.count >= 3)
            #expect(pings.first?["params"] == ["interval": 30])
            #expect(pings.dropFirst().allSatisfy { $0["params"] == nil && $0["id"] != nil })
            await client.close()
        }
    }

    @Test func unansweredPingDropsTheConnection() async throws {
        try await LoopbackServer.run { url, _ in
            var configuration = LoopbackServer.configuration(requestTimeout: .milliseconds(150))
            configuration.heartbeatInterval = .milliseconds(50)
            let client = try await connectWithShortTimeout(to: url, configuration: configuration)
            let watch = await client.connectionEvents()
            // The server answers this connection's requests in order: while it measures CPU, pings wait.
            let manager = ServerManager(client: client, id: KurentoClient.serverManagerID)
            let busy = Task { try? await manager.getUsedCpu(interval: 600) }
            var events = watch.makeAsyncIterator()
            #expect(await events.next() == .disconnected)
            #expect(await events.next() == .reconnected(sessionID: try #require(await client.sessionID)))
            _ = await busy.value
            await client.close()
        }
    }
}
