import ChromaKeyClient
import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// The generated client drives the implementation through a real server on a loopback WebSocket.
@Suite struct ChromaKeyFilterTests {
    static let green = KeyColor(red: 0, green: 177, blue: 64)
    static let blue = KeyColor(red: 0, green: 71, blue: 187)

    @Test func createdWithItsDefaultsAndProperties() async throws {
        try await LoopbackServer.run { url in
            let client = try await KurentoClient.connect(to: url)
            let pipeline = try await MediaPipeline.create(client)
            let filter = try await ChromaKeyFilter.create(client, mediaPipeline: pipeline, keyColor: Self.green)
            #expect(filter.id.hasPrefix(pipeline.id + "/"))
            #expect(filter.id.hasSuffix("_chromakey.ChromaKeyFilter"))
            #expect(try await filter.getKeyColor() == Self.green)
            #expect(try await filter.getTolerance() == 0.15)
            #expect(try await filter.getEdgeMode() == .hard)
            #expect(try await filter.getBackgroundUri() == "")

            try await filter.setTolerance(0.4)
            try await filter.setEdgeMode(.soft)
            #expect(try await filter.getTolerance() == 0.4)
            #expect(try await filter.getEdgeMode() == .soft)
            // Inherited from Filter and MediaElement: the platform's proxies work on the plugin's object.
            try await filter.setName("studio key")
            #expect(try await filter.getName() == "studio key")
            #expect(try await filter.getMediaPipeline() == pipeline)
            await client.close()
        }
    }

    @Test func changingTheKeyColorRaisesAnEvent() async throws {
        try await LoopbackServer.run { url in
            let client = try await KurentoClient.connect(to: url)
            let pipeline = try await MediaPipeline.create(client)
            let filter = try await ChromaKeyFilter.create(client, mediaPipeline: pipeline, keyColor: Self.green, tolerance: 0.3)
            let changes = try await filter.subscribe(KeyColorChangedEvent.self)
            #expect(try await filter.changeKeyColor(keyColor: Self.blue) == Self.green)
            let event = try await next(of: changes)
            #expect(event.previous == Self.green)
            #expect(event.current == Self.blue)
            #expect(event.source == filter.reference)
            #expect(try await filter.getKeyColor() == Self.blue)
            try await changes.cancel()
            await client.close()
        }
    }

    @Test func backgroundSetAndCleared() async throws {
        try await LoopbackServer.run { url in
            let client = try await KurentoClient.connect(to: url)
            let pipeline = try await MediaPipeline.create(client)
            let filter = try await ChromaKeyFilter.create(client, mediaPipeline: pipeline, keyColor: Self.green)
            let changes = try await filter.subscribe(BackgroundChangedEvent.self)
            try await filter.setBackground(uri: "https://example.org/beach.png")
            #expect(try await next(of: changes).uri == "https://example.org/beach.png")
            #expect(try await filter.getBackgroundUri() == "https://example.org/beach.png")
            try await filter.clearBackground()
            #expect(try await next(of: changes).uri == "")
            #expect(try await filter.getBackgroundUri() == "")
            try await changes.cancel()
            await client.close()
        }
    }

    @Test func badValuesAreKurentoErrors() async throws {
        try await LoopbackServer.run { url in
            let client = try await KurentoClient.connect(to: url)
            let pipeline = try await MediaPipeline.create(client)
            let tooLoose = await #expect(throws: KurentoError.self) {
                _ = try await ChromaKeyFilter.create(client, mediaPipeline: pipeline, keyColor: Self.green, tolerance: 2)
            }
            #expect(tooLoose?.code == 40107)
            #expect(tooLoose?.message.contains("'tolerance' must be between 0 and 1") == true)

            let filter = try await ChromaKeyFilter.create(client, mediaPipeline: pipeline, keyColor: Self.green)
            let badColor = await #expect(throws: KurentoError.self) {
                _ = try await filter.changeKeyColor(keyColor: KeyColor(red: 0, green: 300, blue: 0))
            }
            #expect(badColor?.message.contains("'keyColor.green' must be between 0 and 255, not 300") == true)
            let badURI = await #expect(throws: KurentoError.self) {
                try await filter.setBackground(uri: "beach.png")
            }
            #expect(badURI?.type == "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR")
            #expect(try await filter.getKeyColor() == Self.green)
            await client.close()
        }
    }
}

/// The next event of a subscription, or a failure when none comes within 20 seconds (a generous bound that
/// only a broken server reaches; nothing here measures time).
func next<S: AsyncSequence & Sendable>(of events: S) async throws -> S.Element where S.Element: Sendable {
    try await withThrowingTaskGroup(of: S.Element?.self) { group in
        group.addTask {
            for try await event in events { return event }
            return nil
        }
        group.addTask {
            try await Task.sleep(for: .seconds(20))
            throw ExampleFailure("no event within 20 s")
        }
        defer { group.cancelAll() }
        guard let event = try await group.next() ?? nil else { throw ExampleFailure("the subscription ended") }
        return event
    }
}
