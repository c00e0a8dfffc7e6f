import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// What the client writes follows reference §6 and what the JavaScript client sends (requests.jsonl).
@Suite struct ClientWireFormatTests {
    /// Runs a session touching every method, recording the frames sent.
    static func recordSession() async throws -> (frames: FrameRecorder, session: String, ids: [String: String]) {
        let recorder = FrameRecorder()
        return try await LoopbackServer.run { url, _ in
            var configuration = LoopbackServer.configuration()
            configuration.trace = recorder.trace
            let client = try await KurentoClient.connect(to: url, configuration: configuration)
            let session = try #require(await client.sessionID)
            let pipeline = try await MediaPipeline.create(client)
            let a = try await PassThrough.create(client, mediaPipeline: pipeline)
            let b = try await PassThrough.create(client, mediaPipeline: pipeline)
            _ = try await a.getName()
            try await a.setName("a")
            try await a.connect(sink: b)
            try await a.disconnect(sink: b, mediaType: .video)
            _ = try await a.getSourceConnections()
            let events = try await a.subscribe(ElementConnectedEvent.self)
            try await events.cancel()
            _ = try await a.describe()
            let tx = client.beginTransaction()
            let p2 = MediaPipeline.create(tx)
            let c = PassThrough.create(tx, mediaPipeline: p2)
            c.setName(tx, "c")
            try await tx.commit()
            try await b.release()
            await client.simulateConnectionLoss()
            try await pipeline.setName("after")
            await client.close()
            return (recorder, session, ["pipeline": pipeline.id, "a": a.id, "b": b.id])
        }
    }

    @Test func framesHaveTheReferenceShapes() async throws {
        let (recorder, session, ids) = try await Self.recordSession()
        let frames = recorder.sent

        // Ids are the client's integers from 0, pings included; a frame sent again keeps its id.
        let sentIDs = frames.compactMap { frame -> Int64? in if case .int(let i)? = frame["id"] { i } else { nil } }
        #expect(Set(sentIDs) == Set(0..<Int64(Set(sentIDs).count)))
        #expect(frames.allSatisfy { $0["jsonrpc"] == "2.0" })

        // The JavaScript client's first frames: ping, then describe of the server manager, no session yet.
        // (These tests turn the heartbeat off: the ping has no `interval`.)
        #expect(frames[0] == ["jsonrpc": "2.0", "id": 0, "method": "ping"])
        #expect(frames[1] == ["jsonrpc": "2.0", "id": 1, "method": "describe", "params": ["object": "manager_ServerManager"]])

        // Then every request names the session, except pings.
        for frame in frames.dropFirst(2) where frame["method"] != "ping" {
            #expect(frame["params"]?["sessionId"] == .string(session), "no session in \(frame.text)")
        }

        #expect(recorder.requests("create").first?["params"] == ["type": "MediaPipeline", "sessionId": .string(session)])
        #expect(recorder.requests("create")[1]["params"]
                == ["type": "PassThrough", "constructorParams": ["mediaPipeline": .string(ids["pipeline"]!)], "sessionId": .string(session)])
        #expect(recorder.invoke("getName")?["params"]
                == ["object": .string(ids["a"]!), "operation": "getName", "sessionId": .string(session)])
        #expect(recorder.invoke("setName")?["params"]?["operationParams"] == ["name": "after"])
        #expect(recorder.invoke("connect")?["params"]?["operationParams"] == ["sink": .string(ids["b"]!)])
        #expect(recorder.invoke("disconnect")?["params"]?["operationParams"] == ["sink": .string(ids["b"]!), "mediaType": "VIDEO"])
        #expect(recorder.invoke("getSourceConnections")?["params"]?["operationParams"] == [:])
        let subscribe = try #require(recorder.requests("subscribe").first)
        #expect(subscribe["params"] == ["object": .string(ids["a"]!), "type": "ElementConnected", "sessionId": .string(session)])
        let unsubscribe = try #require(recorder.requests("unsubscribe").first)
        #expect(unsubscribe["params"]?["subscription"]?.stringValue != nil)
        #expect(recorder.requests("release").first?["params"] == ["object": .string(ids["b"]!), "sessionId": .string(session)])

        // A transaction: complete requests with ids 0…n-1, no session inside, newref:<n> for objects it creates.
        let transaction = try #require(recorder.requests("transaction").first)
        #expect(transaction["params"]?["sessionId"] == .string(session))
        let operations = try #require(transaction["params"]?["operations"]?.arrayValue)
        #expect(operations.map { $0["id"] } == [0, 1, 2])
        #expect(operations[0] == ["jsonrpc": "2.0", "id": 0, "method": "create", "params": ["type": "MediaPipeline"]])
        #expect(operations[1]["params"] == ["type": "PassThrough", "constructorParams": ["mediaPipeline": "newref:0"]])
        #expect(operations[2]["params"] == ["object": "newref:1", "operation": "setName", "operationParams": ["name": "c"]])

        // After the drop: a ping without params, then connect with the session and nothing else.
        let connect = try #require(recorder.requests("connect").first)
        #expect(connect["params"] == ["sessionId": .string(session)])
        let index = try #require(frames.firstIndex(of: connect))
        #expect(frames[index - 1]["method"] == "ping")
        #expect(frames[index - 1]["params"] == nil)
    }

    @Test(.enabled(if: ReferenceRequests.isAvailable, "../shared/kurento-wire/requests.jsonl is absent"))
    func everyShapeIsOneTheJavaScriptClientSends() async throws {
        let (recorder, _, _) = try await Self.recordSession()
        let reference = try ReferenceRequests.shapes()
        var shapes: [String] = []
        for frame in recorder.sent {
            shapes.append(ReferenceRequests.shape(of: frame))
            for operation in frame["params"]?["operations"]?.arrayValue ?? [] { shapes.append(ReferenceRequests.shape(of: operation)) }
        }
        for shape in Set(shapes).sorted() {
            #expect(reference.contains(shape), "the JavaScript client never sends \(shape); it sends \(reference.sorted())")
        }
    }
}
