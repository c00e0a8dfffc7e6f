import KurentoClient
import KurentoPlatformClient
import Testing

/// What a client's user lets go of is freed: nothing the client or a transaction keeps holds it in a cycle.
@Suite struct ClientLifetimeTests {
    /// A transaction that created an object kept it, and itself, alive through the closure that resolves the
    /// object's id after the commit (LeakSanitizer found the cycle, with the client held by it).
    @Test func aCommittedTransactionIsFreedWithTheProxiesItCreated() async throws {
        try await LoopbackServer.run { url, _ in
            weak var client: KurentoClient?
            weak var transaction: KurentoTransaction?
            weak var pipeline: MediaPipeline?
            do {
                let connected = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
                let tx = connected.beginTransaction()
                let created = MediaPipeline.create(tx)
                try await tx.commit()
                #expect(created.id.hasSuffix("_kurento.MediaPipeline"))
                await connected.close()
                (client, transaction, pipeline) = (connected, tx, created)
            }
            // The client's own tasks (its connection, request timeouts) end soon after `close`: wait for them
            // (bounded), then look once more.
            let deadline = ContinuousClock.now + .seconds(30)
            while client != nil || transaction != nil || pipeline != nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(transaction == nil, "the committed transaction is still alive")
            #expect(pipeline == nil, "the proxy the transaction created is still alive")
            #expect(client == nil, "the closed client is still alive")
        }
    }

    /// A client whose server went away retries with no attempt limit (the default policy); when its user lets
    /// go of it meanwhile, it ends instead of retrying forever (the retry task used to hold it).
    @Test func aClientRetryingAVanishedServerIsFreedWhenLetGo() async throws {
        weak var client: KurentoClient?
        do {
            let (connected, events) = try await LoopbackServer.run { url, _ in
                let connected = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
                return (connected, await connected.connectionEvents())
            }
            // The server has stopped: the client noticed, and keeps trying every 200 ms at most.
            let event = try await first(of: events)
            guard case .disconnected = event else { throw TestFailure("expected .disconnected, got \(event)") }
            try await Task.sleep(for: .milliseconds(500))
            client = connected
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while client != nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(client == nil, "the reconnecting client nobody holds is still alive")
    }
}
