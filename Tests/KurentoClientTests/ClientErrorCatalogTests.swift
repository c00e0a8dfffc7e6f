import KurentoClient
import KurentoDemoClient
import KurentoDemoServer
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// Every error of reference §6.2 that a well-formed client can run into, made through the generated proxies
/// where they can express the mistake (the plain JSON API where only a hand-made request can), reaching the
/// application as a `KurentoError` with the server's code and `data.type`. (Parse errors and invalid JSON-RPC
/// envelopes cannot come from this client: the wire-conformance tests send those as raw frames.)
@Suite struct ClientErrorCatalogTests {
    struct Case: Sendable, CustomStringConvertible {
        var code: Int
        var type: String
        var description: String
        var trigger: @Sendable (KurentoClient) async throws -> Void
    }

    static let cases: [Case] = [
        // Kurento sends this one without `data`, so without a type.
        Case(code: -32601, type: "", description: "unknown JSON-RPC method") { client in
            _ = try await client.request("teleport")
        },
        Case(code: 40001, type: "MARSHALL_ERROR", description: "constructor param of the wrong JSON type") { client in
            let pipeline = try await MediaPipeline.create(client)
            _ = try await client.create("StageFilter", constructorParams: ["mediaPipeline": pipeline.kurentoReference, "stageName": 5])
        },
        Case(code: 40004, type: "CONNECT_ERROR", description: "connecting elements of two pipelines") { client in
            let a = try await PassThrough.create(client, mediaPipeline: try await MediaPipeline.create(client))
            let b = try await PassThrough.create(client, mediaPipeline: try await MediaPipeline.create(client))
            try await a.connect(sink: b)
        },
        Case(code: 40007, type: "INVALID_SESSION", description: "keepAlive of a session the server never had") { client in
            _ = try await client.request("keepAlive", ["sessionId": "0b5a9b0e-0000-4000-8000-000000000000"])
        },
        Case(code: 40008, type: "MALFORMED_TRANSACTION", description: "an operation the class does not have") { client in
            let pipeline = try await MediaPipeline.create(client)
            _ = try await client.invoke(pipeline.id, "fly", ["height": 3])
        },
        Case(code: 40101, type: "MEDIA_OBJECT_NOT_FOUND", description: "a call on a released object") { client in
            let pipeline = try await MediaPipeline.create(client)
            try await pipeline.release()
            _ = try await pipeline.getName()
        },
        Case(code: 40106, type: "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", description: "an event the class does not raise") { client in
            let stage = try await StageFilter.create(client, mediaPipeline: try await MediaPipeline.create(client), stageName: "s")
            _ = try await client.subscribe(stage.id, "EndOfStream")
        },
        Case(code: 40107, type: "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", description: "a value the implementation refuses") { client in
            let stage = try await StageFilter.create(client, mediaPipeline: try await MediaPipeline.create(client), stageName: "s")
            try await stage.setFaceThreshold(-1)
        },
        Case(code: 40108, type: "MEDIA_OBJECT_NOT_AVAILABLE", description: "a type no module serves") { client in
            _ = try await client.create("ChromaFilter")
        },
        Case(code: 40109, type: "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT", description: "newref outside a transaction") { client in
            _ = try await client.invoke("newref:0", "getName")
        },
        Case(code: 40110, type: "MEDIA_OBJECT_TAG_KEY_NOT_FOUND", description: "a tag never added") { client in
            let pipeline = try await MediaPipeline.create(client)
            try await pipeline.addTag(key: "room", value: "1")
            _ = try await pipeline.getTag(key: "floor")
        },
        Case(code: 40500, type: "UNDEFINED", description: "the kmd of a module not loaded") { client in
            let manager = ServerManager(client: client, id: KurentoClient.serverManagerID)
            _ = try await manager.getKmd(moduleName: "chroma")
        },
        Case(code: 49001, type: "UNDEFINED", description: "a module's own error code") { client in
            let stage = try await StageFilter.create(client, mediaPipeline: try await MediaPipeline.create(client), stageName: "s")
            _ = try await stage.locateSpeaker(speakerId: "nobody")
        },
    ]

    @Test(arguments: cases)
    func errorReachesTheApplication(_ c: Case) async throws {
        try await LoopbackServer.run(modules: [DemoPlugin.module]) { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let error = await #expect(throws: KurentoError.self) { try await c.trigger(client) }
            #expect(error?.code == c.code, "\(String(describing: error))")
            #expect(error?.type == c.type, "\(String(describing: error))")
            #expect(error?.message.isEmpty == false)
            // The connection and the session survive the error.
            #expect(try await client.request("ping")["value"] == "pong")
            _ = try await MediaPipeline.create(client)
            await client.close()
        }
    }
}
