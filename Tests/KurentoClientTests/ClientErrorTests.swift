import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// Server errors reach the app with their Kurento code, message and `data.type`; requests time out.
@Suite struct ClientErrorTests {
    @Test func unknownObjectIs40101() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let ghost = PassThrough(client: client, id: "00000000-0000-0000-0000-000000000000_kurento.PassThrough")
            let error = await #expect(throws: KurentoError.self) { try await ghost.getName() }
            #expect(error?.code == 40101)
            #expect(error?.type == "MEDIA_OBJECT_NOT_FOUND")
            #expect(error?.message.contains(ghost.id) == true)
            await client.close()
        }
    }

    @Test func unknownTypeAndEventAndMethod() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let factory = await #expect(throws: KurentoError.self) { _ = try await client.create("NoSuchThing") }
            #expect(factory?.code == 40108)
            #expect(factory?.type == "MEDIA_OBJECT_NOT_AVAILABLE")
            let pipeline = try await MediaPipeline.create(client)
            let event = await #expect(throws: KurentoError.self) { _ = try await pipeline.subscribe(ElementConnectedEvent.self) }
            #expect(event?.code == 40106)
            #expect(await client.subscriptionCount == 0)
            let method = await #expect(throws: KurentoError.self) { _ = try await client.invoke(pipeline.id, "noSuchMethod") }
            #expect(method?.code == 40008)
            let rpc = await #expect(throws: KurentoError.self) { _ = try await client.request("noSuchMethod") }
            #expect(rpc?.code == -32601)
            await client.close()
        }
    }

    @Test func requestTimesOut() async throws {
        try await LoopbackServer.run { url, _ in
            let configuration = LoopbackServer.configuration(requestTimeout: .milliseconds(200))
            let client = try await connectWithShortTimeout(to: url, configuration: configuration)
            // The server measures CPU use for `interval` ms before answering.
            let manager = ServerManager(client: client, id: KurentoClient.serverManagerID)
            let error = await #expect(throws: KurentoClientError.self) { _ = try await manager.getUsedCpu(interval: 1000) }
            #expect(error?.kind == .requestTimeout)
            #expect(error?.type == "REQUEST_TIMEOUT")
            #expect(await client.pendingRequestCount == 0)
            // A longer timeout for one request.
            #expect(try await client.request("ping", timeout: .seconds(10))["value"] == "pong")
            await client.close()
        }
    }

    @Test func closedClientFailsRequests() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            await client.close()
            let error = await #expect(throws: KurentoClientError.self) { _ = try await MediaPipeline.create(client) }
            #expect(error?.kind == .connectionClosed)
        }
    }
}
