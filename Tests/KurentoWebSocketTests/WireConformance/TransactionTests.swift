import KurentoRuntime
import Testing

/// `transaction` (reference §6.6, behaviour §4.8): operations in order with the transaction's session,
/// `newref:`, stop at the first error, malformed transactions.
@Suite struct TransactionTests {
    /// Each element of `result.value`: the response to operation i, with id i.
    private func operationResponses(_ response: JSON, session: String, count: Int,
                                    sourceLocation: SourceLocation = #_sourceLocation) -> [JSON] {
        let value = expectValue(response, id: response["id"] ?? .null, session: .equal(session), sourceLocation: sourceLocation)
        let responses = value.arrayValue ?? []
        #expect(responses.count == count, "\(count) operation responses expected: \(value.text)", sourceLocation: sourceLocation)
        for (i, r) in responses.enumerated() { expectEnvelope(r, id: .int(Int64(i)), sourceLocation: sourceLocation) }
        return responses
    }

    /// The frame `client.beginTransaction()` sends, with the serialized client as `object` (ignored).
    @Test func explicitTransactionWithNewRefs() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let frame = #"""
                {"jsonrpc":"2.0","method":"transaction","params":{"object":{"_events":{},"_eventsCount":1},"operations":[
                {"method":"create","params":{"type":"MediaPipeline","properties":{}},"jsonrpc":"2.0","id":0},
                {"method":"create","params":{"type":"PassThrough","constructorParams":{"mediaPipeline":"newref:0"},"properties":{}},"jsonrpc":"2.0","id":1},
                {"method":"create","params":{"type":"PassThrough","constructorParams":{"mediaPipeline":"newref:0"},"properties":{}},"jsonrpc":"2.0","id":2},
                {"method":"invoke","params":{"object":"newref:1","operation":"setName","operationParams":{"name":"tx-element"}},"jsonrpc":"2.0","id":3}],
                "sessionId":"\#(s.id)"},"id":75}
                """#
            let response = try await s.client.call(raw: frame, id: 75)
            let responses = operationResponses(response, session: s.id, count: 4)
            guard responses.count == 4 else { return }
            let pipeline = expectValue(responses[0], id: 0, session: .equal(s.id))
            expectObjectID(pipeline, type: "MediaPipeline")
            let first = expectValue(responses[1], id: 1, session: .equal(s.id))
            expectObjectID(first, type: "PassThrough", parent: pipeline.stringValue)
            expectObjectID(expectValue(responses[2], id: 2, session: .equal(s.id)), type: "PassThrough", parent: pipeline.stringValue)
            #expect(expectValue(responses[3], id: 3, session: .equal(s.id)) == .null)
            let element = try #require(first.stringValue)
            #expect(try await s.invoke(element, "getName") == "tx-element")
            #expect(server.registry.holders(of: element) == [s.id])
            await s.close()
        }
    }

    /// `useImplicitTransactions`: no top-level sessionId, each operation carries its own (behaviour §4.8).
    @Test func implicitTransactionWithoutTopLevelSession() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            let frame = #"""
                {"jsonrpc":"2.0","method":"transaction","params":{"operations":[
                {"method":"create","params":{"type":"PassThrough","constructorParams":{"mediaPipeline":"\#(pipeline)"},"properties":{},"sessionId":"\#(s.id)"},"jsonrpc":"2.0","id":0},
                {"method":"invoke","params":{"object":"newref:0","operation":"setName","operationParams":{"name":"auto-tx"},"sessionId":"\#(s.id)"},"jsonrpc":"2.0","id":1}]},"id":81}
                """#
            let responses = operationResponses(try await s.client.call(raw: frame, id: 81), session: s.id, count: 2)
            guard responses.count == 2, let element = expectValue(responses[0], id: 0, session: .equal(s.id)).stringValue else { return }
            #expect(try await s.invoke(element, "getName") == "auto-tx")
            await s.close()
        }
    }

    /// A transaction as the very first request of a connection: one session for all its operations.
    @Test func transactionOnAFreshConnectionUsesOneSession() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let frame = #"""
                {"jsonrpc":"2.0","method":"transaction","params":{"operations":[
                {"method":"create","params":{"type":"MediaPipeline"},"jsonrpc":"2.0","id":0},
                {"method":"create","params":{"type":"PassThrough","constructorParams":{"mediaPipeline":"newref:0"}},"jsonrpc":"2.0","id":1}]},"id":1}
                """#
            let response = try await client.call(raw: frame, id: 1)
            let result = expectResult(response, id: 1)
            let session = try #require(result["sessionId"]?.stringValue)
            let responses = result["value"]?.arrayValue ?? []
            #expect(responses.count == 2)
            for (i, r) in responses.enumerated() { expectResult(r, id: .int(Int64(i)), session: .equal(session)) }
            await client.close()
        }
    }

    @Test func processingStopsAtTheFirstError() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            let released = elements[1]
            _ = try await s.call("release", ["object": .string(released)])
            let frame = #"""
                {"jsonrpc":"2.0","method":"transaction","params":{"operations":[
                {"method":"invoke","params":{"object":"\#(elements[0])","operation":"setName","operationParams":{"name":"tx2"}},"jsonrpc":"2.0","id":0},
                {"method":"invoke","params":{"object":"\#(released)","operation":"getName"},"jsonrpc":"2.0","id":1},
                {"method":"invoke","params":{"object":"\#(elements[0])","operation":"setName","operationParams":{"name":"never"}},"jsonrpc":"2.0","id":2}],
                "sessionId":"\#(s.id)"},"id":79}
                """#
            let responses = operationResponses(try await s.client.call(raw: frame, id: 79), session: s.id, count: 2)
            guard responses.count == 2 else { return }
            expectValue(responses[0], id: 0, session: .equal(s.id))
            expectError(responses[1], id: 1, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"))
            // Operations before the failure stay done; those after it never ran.
            #expect(try await s.invoke(elements[0], "getName") == "tx2")
            await s.close()
        }
    }

    @Test func malformedTransactions() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let pipeline = try await s.create("MediaPipeline")
            let badID = #"""
                {"jsonrpc":"2.0","method":"transaction","params":{"operations":[
                {"method":"invoke","params":{"object":"\#(pipeline)","operation":"getName"},"jsonrpc":"2.0","id":0},
                {"method":"invoke","params":{"object":"\#(pipeline)","operation":"getName"},"jsonrpc":"2.0","id":5}],"sessionId":"\#(s.id)"},"id":90}
                """#
            let ids = operationResponses(try await s.client.call(raw: badID, id: 90), session: s.id, count: 2)
            if ids.count == 2 {
                expectError(ids[1], id: 1, code: 40008, data: .type("MALFORMED_TRANSACTION"), message: "Id of request '1' should be '1'")
            }
            let badRef = #"""
                {"jsonrpc":"2.0","method":"transaction","params":{"operations":[
                {"method":"invoke","params":{"object":"newref:3","operation":"getName"},"jsonrpc":"2.0","id":0}],"sessionId":"\#(s.id)"},"id":91}
                """#
            let refs = operationResponses(try await s.client.call(raw: badRef, id: 91), session: s.id, count: 1)
            if refs.count == 1 {
                expectError(refs[0], id: 0, code: 40008, data: .type("MALFORMED_TRANSACTION"), message: "Invalid index of newref 'newref:3'")
            }
            let noOperations = try await s.client.call(raw: #"{"jsonrpc":"2.0","method":"transaction","params":{"sessionId":"\#(s.id)"},"id":92}"#, id: 92)
            expectError(noOperations, id: 92, code: -32000, data: .none, message: "'operations' parameter is required")
            await s.close()
        }
    }

    /// `newref:` is for transactions only (reference §6.3).
    @Test func newRefOutsideATransaction() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let response = try await s.invokeResponse("newref:0", "getName")
            expectError(response, id: response["id"] ?? .null, code: 40109, data: .type("MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT"))
            await s.close()
        }
    }

    /// Operation ids are always 0, 1, …: they must not hit the duplicate-request cache of earlier transactions.
    @Test func operationsOfSuccessiveTransactionsAllRun() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            var pipelines: [String] = []
            for id in 100..<103 {
                let frame = #"{"jsonrpc":"2.0","method":"transaction","params":{"operations":[{"method":"create","params":{"type":"MediaPipeline"},"jsonrpc":"2.0","id":0}],"sessionId":"\#(s.id)"},"id":\#(id)}"#
                let responses = operationResponses(try await s.client.call(raw: frame, id: .int(Int64(id))), session: s.id, count: 1)
                if let pipeline = responses.first?["result"]?["value"]?.stringValue { pipelines.append(pipeline) }
            }
            #expect(Set(pipelines).count == 3, "three transactions create three pipelines: \(pipelines)")
            await s.close()
        }
    }
}
