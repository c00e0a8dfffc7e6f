import KurentoRuntime
import Testing

/// `invoke` (reference §6.4, behaviour §4.4): void results, getters and setters, object-valued results,
/// injected sessions, and the errors of the object layer.
@Suite struct InvokeTests {
    @Test func voidInvokeAnswersValueNullAndTheSession() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (pipeline, elements) = try await s.pipeline(withPassThroughs: 2)
            let response = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","id":4,"method":"invoke","params":{"object":"\#(elements[0])","operation":"connect","operationParams":{"sink":"\#(elements[1])"},"sessionId":"\#(s.id)"}}"#,
                id: 4)
            let result = expectResult(response, id: 4, session: .equal(s.id))
            #expect(result.keys.sorted() == ["sessionId", "value"], "\(response.text)")
            #expect(result["value"] == .null)
            // A setter without sessionId (reference example): the connection's session is injected.
            let setter = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","id":5,"method":"invoke","params":{"object":"\#(pipeline)","operation":"setLatencyStats","operationParams":{"latencyStats":true}}}"#,
                id: 5)
            #expect(expectValue(setter, id: 5, session: .equal(s.id)) == .null)
            #expect(try await s.invoke(pipeline, "getLatencyStats") == true)
            await s.close()
        }
    }

    @Test func gettersAndSettersOfProperties() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 1)
            let element = elements[0]
            #expect(try await s.invoke(element, "getName") == .string(element), "the name defaults to the id")
            #expect(try await s.invoke(element, "setName", ["name": "interop"]) == .null)
            #expect(try await s.invoke(element, "getName") == "interop")
            #expect(try await s.invoke(element, "getSendTagsInEvents") == false)
            try await s.invoke(element, "setSendTagsInEvents", ["sendTagsInEvents": true])
            #expect(try await s.invoke(element, "getSendTagsInEvents") == true)
            let creation = try await s.invoke(element, "getCreationTime")
            guard case .int = creation else { Issue.record("getCreationTime must be an integer: \(creation.text)"); return }
            await s.close()
        }
    }

    @Test func tagsAreRecordsWithModuleAndType() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 1)
            try await s.invoke(elements[0], "addTag", ["key": "app", "value": "interop"])
            try await s.invoke(elements[0], "addTag", ["key": "k2", "value": "v2"])
            #expect(try await s.invoke(elements[0], "getTag", ["key": "app"]) == "interop")
            try await s.invoke(elements[0], "removeTag", ["key": "k2"])
            let tags = try await s.invoke(elements[0], "getTags")
            #expect(tags == [["__module__": "kurento", "__type__": "Tag", "key": "app", "value": "interop"]], "\(tags.text)")
            let missing = try await s.invokeResponse(elements[0], "getTag", ["key": "no-such-tag"])
            expectError(missing, id: missing["id"] ?? .null, code: 40110, data: .type("MEDIA_OBJECT_TAG_KEY_NOT_FOUND"))
            await s.close()
        }
    }

    /// Results that denote objects are id strings or arrays of id strings (behaviour §4.4).
    @Test func objectValuedResultsAreIdStrings() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (pipeline, elements) = try await s.pipeline(withPassThroughs: 2)
            let composite = try await s.create("Composite", ["mediaPipeline": .string(pipeline)])
            let port = try await s.create("HubPort", ["hub": .string(composite)])
            #expect(try await s.invoke(elements[0], "getMediaPipeline") == .string(pipeline))
            #expect(try await s.invoke(elements[0], "getParent") == .string(pipeline))
            #expect(try await s.invoke(port, "getParent") == .string(composite))
            #expect(try await s.invoke(port, "getMediaPipeline") == .string(pipeline))
            #expect(try await s.invoke(pipeline, "getChildren").strings == elements + [composite])
            #expect(try await s.invoke(composite, "getChildren").strings == [port])
            // A pipeline's own pipeline is itself in Kurento; its parent is null.
            #expect(try await s.invoke(pipeline, "getParent") == .null)
            #expect(try await s.invoke(pipeline, "getMediaPipeline") == .string(pipeline))
            let pipelines = try await s.invoke("manager_ServerManager", "getPipelines")
            #expect(pipelines.strings == [pipeline], "\(pipelines.text)")
            let connections = try await s.invoke(elements[1], "getSourceConnections", [:])
            #expect(connections == [], "\(connections.text)")
            await s.close()
        }
    }

    @Test func connectionDataAndEnumParams() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            try await s.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "VIDEO"])
            let connections = try await s.invoke(elements[1], "getSourceConnections", ["mediaType": "VIDEO"])
            #expect(connections == [[
                "__module__": "kurento", "__type__": "ElementConnectionData", "source": .string(elements[0]), "sink": .string(elements[1]),
                "type": "VIDEO", "sourceDescription": "default", "sinkDescription": "default",
            ]], "\(connections.text)")
            #expect(try await s.invoke(elements[1], "getSourceConnections", ["mediaType": "AUDIO", "description": "default"]) == [])
            let dot = try await s.invoke(elements[0], "getGstreamerDot", ["details": "SHOW_MEDIA_TYPE"])
            #expect(dot.stringValue != nil)
            let badEnum = try await s.invokeResponse(elements[0], "getSinkConnections", ["mediaType": "SMELL"])
            expectError(badEnum, id: badEnum["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"), message: "Invalid value for 'MediaType'")
            await s.close()
        }
    }

    @Test func unknownObjectAndOperation() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let unknown = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","id":7,"method":"invoke","params":{"object":"1234","operation":"getName","sessionId":"\#(s.id)"}}"#, id: 7)
            expectError(unknown, id: 7, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"), message: "Object '1234' not found")
            let pipeline = try await s.create("MediaPipeline")
            // Kurento answers an unknown method with 40008 (behaviour §4.4), not 40105.
            let operation = try await s.invokeResponse(pipeline, "fly", ["height": 3])
            expectError(operation, id: operation["id"] ?? .null, code: 40008, data: .type("MALFORMED_TRANSACTION"),
                        message: "Method 'fly' with 1 parameters not found")
            let notObject = try await s.call("invoke", ["object": .string(pipeline), "operation": "getName", "operationParams": "x"])
            expectError(notObject, id: notObject["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"))
            await s.close()
        }
    }

    /// Missing or ill-typed method params reach the server (the client does not check them, behaviour §4.4).
    @Test func missingAndIllTypedParamsAreMarshallErrors() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 1)
            let setter = try await s.invokeResponse(elements[0], "setEncoderBitrate", [:])
            expectError(setter, id: setter["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"),
                        message: "'encoderBitrate' parameter is required")
            let method = try await s.invokeResponse(elements[0], "addTag", ["key": "onlyKey"])
            expectError(method, id: method["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"), message: "'value' parameter is required")
            let wrongType = try await s.invokeResponse(elements[0], "setName", ["name": 5])
            expectError(wrongType, id: wrongType["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"),
                        message: "'name' parameter should be a string")
            let wrongInt = try await s.invokeResponse(elements[0], "setEncoderBitrate", ["encoderBitrate": "fast"])
            expectError(wrongInt, id: wrongInt["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"))
            let notObjectID = try await s.invokeResponse(elements[0], "connect", ["sink": 42])
            expectError(notObjectID, id: notObjectID["id"] ?? .null, code: 40001, data: .type("MARSHALL_ERROR"))
            let unknownSink = try await s.invokeResponse(elements[0], "connect", ["sink": "nope"])
            expectError(unknownSink, id: unknownSink["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"))
            await s.close()
        }
    }

    @Test func releasedObjectIsNotFound() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 1)
            let release = try await s.call("release", ["object": .string(elements[0])])
            expectResult(release, id: release["id"] ?? .null, session: .equal(s.id))
            let after = try await s.invokeResponse(elements[0], "getName")
            expectError(after, id: after["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"),
                        message: "Object '\(elements[0])' not found")
            await s.close()
        }
    }

    @Test func serverManagerQueries() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let sessions = try await s.invoke("manager_ServerManager", "getSessions")
            #expect(sessions.strings?.contains(s.id) == true, "\(sessions.text)")
            guard case .int(let cpus) = try await s.invoke("manager_ServerManager", "getCpuCount"), cpus > 0 else {
                Issue.record("getCpuCount must be a positive integer"); return
            }
            guard case .int = try await s.invoke("manager_ServerManager", "getUsedMemory") else {
                Issue.record("getUsedMemory must be an integer"); return
            }
            #expect(try await s.invoke("manager_ServerManager", "getMetadata").stringValue != nil)
            let kmd = try await s.invoke("manager_ServerManager", "getKmd", ["moduleName": "core"])
            #expect(kmd.stringValue?.contains("\"MediaPipeline\"") == true)
            let noKmd = try await s.invokeResponse("manager_ServerManager", "getKmd", ["moduleName": "nothing"])
            expectError(noKmd, id: noKmd["id"] ?? .null, code: 40500, data: .type("UNDEFINED"))
            await s.close()
        }
    }
}
