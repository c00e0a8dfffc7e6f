import KurentoRuntime
import Testing

/// `describe`, `subscribe` and `unsubscribe` (reference §6.4, behaviour §4.5–4.6).
@Suite struct DescribeSubscribeTests {
    @Test func describeGivesTypeQualifiedTypeAndHierarchyNearestFirst() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            let player = try await s.create("PlayerEndpoint", ["mediaPipeline": .string(pipeline), "uri": "file:///a.webm"])
            let response = try await s.call("describe", ["object": .string(player)])
            let result = expectResult(response, id: response["id"] ?? .null, session: .equal(s.id))
            #expect(result["type"] == "PlayerEndpoint")
            #expect(result["qualifiedType"] == "kurento.PlayerEndpoint")
            #expect(result["hierarchy"] == ["kurento.UriEndpoint", "kurento.Endpoint", "kurento.MediaElement", "kurento.MediaObject"])
            let described = try await s.call("describe", ["object": .string(pipeline)])
            let ofPipeline = expectResult(described, id: described["id"] ?? .null, session: .equal(s.id))
            #expect(ofPipeline["hierarchy"] == ["kurento.MediaObject"])
            let unknown = try await s.call("describe", ["object": "00000000-0000-0000-0000-000000000000_kurento.MediaPipeline"])
            expectError(unknown, id: unknown["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"),
                        message: "Object '00000000-0000-0000-0000-000000000000_kurento.MediaPipeline' not found")
            await s.close()
        }
    }

    /// A second client describes objects of the first one without any session of its own yet (requests log,
    /// step describe.secondClient).
    @Test func aSecondClientDescribesObjectsOfTheFirst() async throws {
        try await TestServer.run { server in
            let owner = try await Session.open(server)
            let (pipeline, elements) = try await owner.pipeline(withPassThroughs: 1)
            let other = try await server.connect()
            let first = try await other.call(raw: #"{"jsonrpc":"2.0","method":"describe","params":{"object":"\#(elements[0])"},"id":0}"#, id: 0)
            let result = expectResult(first, id: 0)
            #expect(result["type"] == "PassThrough")
            let session = try #require(result["sessionId"]?.stringValue)
            #expect(session != owner.id, "a new client gets its own session")
            let second = try await other.call(
                raw: #"{"jsonrpc":"2.0","method":"describe","params":{"object":"\#(pipeline)","sessionId":"\#(session)"},"id":1}"#, id: 1)
            #expect(expectResult(second, id: 1, session: .equal(session))["type"] == "MediaPipeline")
            let name = try await other.call(
                raw: #"{"jsonrpc":"2.0","method":"invoke","params":{"object":"\#(elements[0])","operation":"getName","sessionId":"\#(session)"},"id":2}"#, id: 2)
            #expect(expectValue(name, id: 2, session: .equal(session)) == .string(elements[0]))
            await other.close()
            await owner.close()
        }
    }

    @Test func subscribeAnswersASubscriptionId() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 1)
            let response = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","id":6,"method":"subscribe","params":{"object":"\#(elements[0])","type":"ElementConnected","sessionId":"\#(s.id)"}}"#, id: 6)
            let value = expectValue(response, id: 6, session: .equal(s.id))
            #expect(value.stringValue?.isEmpty == false)
            // A second subscription of the same triple gets another id.
            let again = try await s.subscribe(elements[0], "ElementConnected")
            #expect(.string(again) != value)
            // Events of the class chain only: EndOfStream belongs to PlayerEndpoint.
            let unsupported = try await s.call("subscribe", ["object": .string(elements[0]), "type": "EndOfStream"])
            expectError(unsupported, id: unsupported["id"] ?? .null, code: 40106, data: .type("MEDIA_OBJECT_EVENT_NOT_SUPPORTED"),
                        message: "Event 'EndOfStream' not supported")
            let unknown = try await s.call("subscribe", ["object": "1234", "type": "ElementConnected"])
            expectError(unknown, id: unknown["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"))
            await s.close()
        }
    }

    @Test func unsubscribeAnswersTheSessionAlsoForUnknownIds() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            let subscription = try await s.subscribe(elements[0], "ElementConnected")
            let response = try await s.call("unsubscribe", ["object": .string(elements[0]), "subscription": .string(subscription)])
            let result = expectResult(response, id: response["id"] ?? .null, session: .equal(s.id))
            #expect(result.keys.sorted() == ["sessionId"], "\(response.text)")
            // No event after unsubscribing.
            try await s.invoke(elements[0], "connect", ["sink": .string(elements[1])])
            #expect(s.client.takeNotifications().isEmpty)
            let unknown = try await s.call("unsubscribe", ["object": .string(elements[0]), "subscription": "no-such-subscription"])
            expectResult(unknown, id: unknown["id"] ?? .null, session: .equal(s.id))
            await s.close()
        }
    }

    /// The client unsubscribes after a successful release (behaviour §4.6): that must succeed.
    @Test func unsubscribeAfterReleaseSucceeds() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 1)
            let connected = try await s.subscribe(elements[0], "ElementConnected")
            let disconnected = try await s.subscribe(elements[0], "ElementDisconnected")
            let release = try await s.call("release", ["object": .string(elements[0])])
            expectResult(release, id: release["id"] ?? .null, session: .equal(s.id))
            for subscription in [connected, disconnected] {
                let response = try await s.call("unsubscribe", ["object": .string(elements[0]), "subscription": .string(subscription)])
                expectResult(response, id: response["id"] ?? .null, session: .equal(s.id))
            }
            await s.close()
        }
    }
}
