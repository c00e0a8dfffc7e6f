import KurentoRuntime
import Testing

/// `release`, `ref`, `unref` and `closeSession` (reference §6.4).
@Suite struct ReleaseRefSessionTests {
    @Test func releaseRemovesTheObjectAndItsChildren() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (pipeline, elements) = try await s.pipeline(withPassThroughs: 2)
            let response = try await s.client.call(
                raw: #"{"jsonrpc":"2.0","method":"release","params":{"object":"\#(pipeline)","sessionId":"\#(s.id)"},"id":40}"#, id: 40)
            let result = expectResult(response, id: 40, session: .equal(s.id))
            #expect(result.keys.sorted() == ["sessionId"], "\(response.text)")
            for id in [pipeline] + elements {
                let after = try await s.invokeResponse(id, "getName")
                expectError(after, id: after["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"))
            }
            #expect(server.registry.ids == ["manager_ServerManager"])
            // Releasing it again, or an id that never existed, still succeeds.
            for id in [pipeline, "never-existed"] {
                let again = try await s.call("release", ["object": .string(id)])
                expectResult(again, id: again["id"] ?? .null, session: .equal(s.id))
            }
            await s.close()
        }
    }

    @Test func refAndUnrefMakeAndDropHolders() async throws {
        try await TestServer.run { server in
            let a = try await Session.open(server)
            let b = try await Session.open(server)
            let pipeline = try await a.create("MediaPipeline")
            let ref = try await b.call("ref", ["object": .string(pipeline)])
            #expect(expectResult(ref, id: ref["id"] ?? .null, session: .equal(b.id)).keys.sorted() == ["sessionId"])
            #expect(server.registry.holders(of: pipeline) == [a.id, b.id])
            let unrefA = try await a.call("unref", ["object": .string(pipeline)])
            expectResult(unrefA, id: unrefA["id"] ?? .null, session: .equal(a.id))
            #expect(server.registry.object(withID: pipeline) != nil, "b still holds the pipeline")
            let unrefB = try await b.call("unref", ["object": .string(pipeline)])
            expectResult(unrefB, id: unrefB["id"] ?? .null, session: .equal(b.id))
            #expect(server.registry.object(withID: pipeline) == nil, "nobody holds the pipeline any more")
            let unknown = try await b.call("ref", ["object": "1234"])
            expectError(unknown, id: unknown["id"] ?? .null, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"))
            await a.close()
            await b.close()
        }
    }

    /// Reference §6.4 gives `closeSession` a `null` result; the behaviour doc (§4.1) requires every result to be
    /// an object carrying `sessionId`, and real clients win: `{"sessionId": …}`.
    @Test func closeSessionReleasesOrUnrefs() async throws {
        try await TestServer.run { server in
            let a = try await Session.open(server)
            let b = try await Session.open(server)
            let kept = try await a.create("MediaPipeline")
            let dropped = try await a.create("MediaPipeline")
            try await b.invoke(kept, "getName")  // b becomes a holder of `kept`
            let close = try await a.call("closeSession", [:])
            let result = expectResult(close, id: close["id"] ?? .null, session: .equal(a.id))
            #expect(result.keys.sorted() == ["sessionId"])
            #expect(server.registry.object(withID: kept) != nil, "closeSession without release only unrefs")
            #expect(server.registry.object(withID: dropped) == nil)
            let pipeline = try await b.create("MediaPipeline")
            let released = try await b.call("closeSession", ["release": true])
            expectResult(released, id: released["id"] ?? .null, session: .equal(b.id))
            #expect(server.registry.object(withID: pipeline) == nil)
            #expect(server.registry.object(withID: kept) == nil, "release: true releases every object of the session")
            await a.close()
            await b.close()
        }
    }

    /// A session id used again after `closeSession` is a live session again ("get or create"), events included.
    @Test func aSessionUsedAfterCloseSessionGetsEventsAgain() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let closed = try await s.call("closeSession", [:])
            expectResult(closed, id: closed["id"] ?? .null, session: .equal(s.id))
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            _ = try await s.subscribe(elements[0], "ElementConnected")
            try await s.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "AUDIO"])
            let event = try await s.client.nextNotification(timeout: .seconds(5))
            #expect(event["params"]?["value"]?["data"]?["mediaType"] == "AUDIO")
            await s.close()
        }
    }
}
