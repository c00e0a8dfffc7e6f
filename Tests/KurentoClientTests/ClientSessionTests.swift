import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// The generated platform proxies drive a real server over a loopback socket.
@Suite struct ClientSessionTests {
    @Test func pipelineElementsConnectAndEvents() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let session = try #require(await client.sessionID)
            let pipeline = try await MediaPipeline.create(client)
            #expect(pipeline.id.hasSuffix("_kurento.MediaPipeline"))
            let a = try await PassThrough.create(client, mediaPipeline: pipeline)
            let b = try await PassThrough.create(client, mediaPipeline: pipeline)
            #expect(a.id.hasPrefix(pipeline.id + "/"))

            let connected = try await a.subscribe(ElementConnectedEvent.self)
            try await a.connect(sink: b, mediaType: .video)
            let event = try await first(of: connected)
            #expect(event.sink == b.reference)
            #expect(event.mediaType == .video)
            #expect(event.source == a.reference)
            try await connected.cancel()

            let sinks = try await a.getSinkConnections()
            #expect(sinks.map(\.sink) == [b.reference])
            #expect(try await b.getMediaPipeline() == pipeline)
            #expect(await client.sessionID == session)
            await client.close()
        }
    }

    @Test func lazyEventSequenceSubscribesOnFirstIteration() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            let a = try await PassThrough.create(client, mediaPipeline: pipeline)
            let b = try await PassThrough.create(client, mediaPipeline: pipeline)
            let events = a.elementConnected
            #expect(await client.subscriptionCount == 0)
            let waiter = Task { try await first(of: events) }
            while await client.subscriptionCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
            try await a.connect(sink: b, mediaType: .audio)
            let event = try await waiter.value
            #expect(event.mediaType == .audio)
            // The iteration ended: the subscription goes away.
            for _ in 0..<200 where await client.subscriptionCount > 0 { try await Task.sleep(for: .milliseconds(5)) }
            #expect(await client.subscriptionCount == 0)
            await client.close()
        }
    }

    @Test func propertiesAndTags() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            let element = try await PassThrough.create(client, mediaPipeline: pipeline)
            try await element.setName("front door")
            #expect(try await element.getName() == "front door")
            try await element.setMaxEncoderBitrate(1500)
            #expect(try await element.getMaxEncoderBitrate() == 1500)
            try await pipeline.setLatencyStats(true)
            #expect(try await pipeline.getLatencyStats())

            try await element.addTag(key: "room", value: "blue")
            try await element.addTag(key: "app", value: "kidl")
            #expect(try await element.getTag(key: "room") == "blue")
            #expect(Set(try await element.getTags()) == [Tag(key: "room", value: "blue"), Tag(key: "app", value: "kidl")])
            try await element.removeTag(key: "room")
            #expect(try await element.getTags() == [Tag(key: "app", value: "kidl")])
            await client.close()
        }
    }

    @Test func objectResultsBecomeProxiesOfTheirClass() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            let element = try await PassThrough.create(client, mediaPipeline: pipeline)
            let children = try await pipeline.getChildren()
            #expect(children == [element])
            #expect(children.first is PassThrough)
            let description = try await element.describe()
            #expect(description.qualifiedType == "kurento.PassThrough")
            #expect(description.hierarchy == ["kurento.MediaElement", "kurento.MediaObject"])
            let manager = ServerManager(client: client, id: KurentoClient.serverManagerID)
            #expect(try await manager.getPipelines() == [pipeline])
            #expect(try await manager.getInfo().modules.map(\.name).contains("core"))
            await client.close()
        }
    }

    @Test func releaseDestroysAndEndsEventStreams() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            let element = try await PassThrough.create(client, mediaPipeline: pipeline)
            let events = try await element.subscribe(ElementConnectedEvent.self)
            try await pipeline.release()
            var iterator = events.makeAsyncIterator()
            #expect(try await iterator.next() == nil)
            #expect(await client.subscriptionCount == 0)
            await #expect(throws: KurentoError.self) { try await element.getName() }
            await client.close()
        }
    }
}
