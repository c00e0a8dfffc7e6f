import KurentoRuntime
import Testing

/// `create` (reference §6.4, behaviour §4.3): ids of §6.3, plain and qualified factory names, `properties`
/// ignored, constructor errors.
@Suite struct CreateTests {
    @Test func referenceExampleWithoutSession() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let response = try await client.call(
                raw: #"{"jsonrpc":"2.0","id":2,"method":"create","params":{"type":"MediaPipeline","constructorParams":{}}}"#, id: 2)
            expectObjectID(expectValue(response, id: 2), type: "MediaPipeline")
            await client.close()
        }
    }

    @Test func childIdsStartWithTheParentId() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            expectObjectID(.string(pipeline), type: "MediaPipeline")
            let player = try await s.create("PlayerEndpoint", ["mediaPipeline": .string(pipeline), "uri": "file:///media/in.webm"])
            expectObjectID(.string(player), type: "PlayerEndpoint", parent: pipeline)
            let composite = try await s.create("Composite", ["mediaPipeline": .string(pipeline)])
            // A HubPort is a child of its hub: <pipeline>/<hub>/<uuid>_kurento.HubPort.
            let port = try await s.create("HubPort", ["hub": .string(composite)])
            expectObjectID(.string(port), type: "HubPort", parent: composite)
            let filter = try await s.create("GStreamerFilter", ["mediaPipeline": .string(pipeline), "command": "videoflip method=1"])
            expectObjectID(.string(filter), type: "GStreamerFilter", parent: pipeline)
            await s.close()
        }
    }

    @Test func qualifiedFactoryNames() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("kurento.MediaPipeline")
            expectObjectID(.string(pipeline), type: "MediaPipeline")
            let element = try await s.create("kurento.PassThrough", ["mediaPipeline": .string(pipeline)])
            expectObjectID(.string(element), type: "PassThrough", parent: pipeline)
            await s.close()
        }
    }

    /// The JavaScript client always sends `properties`, sometimes a whole serialized object (behaviour §4.3).
    @Test func propertiesAreIgnored() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let created = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline","properties":{},"sessionId":"\#(s.id)"},"id":11}"#, id: 11)
            let pipeline = try #require(expectValue(created, id: 11, session: .equal(s.id)).stringValue)
            let composite = try await s.create("Composite", ["mediaPipeline": .string(pipeline)])
            let junk = #"{"mediaPipeline":{"_events":{},"_eventsCount":7,"id":"\#(pipeline)"},"n":[1,2.5,null,true],"name":"x"}"#
            let port = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"HubPort","constructorParams":{"hub":"\#(composite)"},"properties":\#(junk),"sessionId":"\#(s.id)"},"id":12}"#,
                id: 12)
            let portID = expectValue(port, id: 12, session: .equal(s.id))
            expectObjectID(portID, type: "HubPort", parent: composite)
            // `properties.name` was not applied: the name is still the id.
            if let id = portID.stringValue { #expect(try await s.invoke(id, "getName") == .string(id)) }
            await s.close()
        }
    }

    @Test func unknownTypeIsFactoryNotFound() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let response = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"NoSuchElement","properties":{},"sessionId":"\#(s.id)"},"id":6}"#, id: 6)
            expectError(response, id: 6, code: 40108, data: .type("MEDIA_OBJECT_NOT_AVAILABLE"), message: "Factory 'NoSuchElement' not found")
            // Classes of real Kurento that these compact modules leave out are unknown types too.
            let webRtc = try await s.call("create", ["type": "WebRtcEndpoint", "constructorParams": ["mediaPipeline": "x"]])
            expectError(webRtc, id: webRtc["id"] ?? .null, code: 40108, data: .type("MEDIA_OBJECT_NOT_AVAILABLE"),
                        message: "Factory 'WebRtcEndpoint' not found")
            await s.close()
        }
    }

    @Test func constructorParamErrorsAreMarshallErrors() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            let noParent = try await s.call("create", ["type": "PassThrough"])
            expectError(noParent, id: noParent["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"),
                        message: "'mediaPipeline' parameter is required")
            let badURI = try await s.call("create", ["type": "PlayerEndpoint", "constructorParams": ["mediaPipeline": .string(pipeline), "uri": 5]])
            expectError(badURI, id: badURI["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"), message: "'uri' parameter should be a string")
            let unknownParent = try await s.call("create", ["type": "PassThrough", "constructorParams": ["mediaPipeline": "1234"]])
            expectError(unknownParent, id: unknownParent["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"),
                        message: "Object '1234' not found")
            let notAnObject = try await s.call("create", ["type": "PassThrough", "constructorParams": "oops"])
            expectError(notAnObject, id: notAnObject["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"))
            await s.close()
        }
    }

    @Test func wrongTypeForTheTypeParam() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let response = try await s.call("create", ["type": 5])
            expectError(response, id: response["id"] ?? .null, code: -32000, data: .none, message: "'type' parameter should be a string")
            let missing = try await s.call("create", [:])
            expectError(missing, id: missing["id"] ?? .null, code: -32000, data: .none, message: "'type' parameter is required")
            await s.close()
        }
    }
}
