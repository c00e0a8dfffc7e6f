import KurentoRuntime
import Testing

/// Frames that are not requests get a JSON-RPC error reply, never silence, and the connection goes on.
@Suite struct GarbageFrameTests {
    /// Checks that the connection still serves requests.
    private func stillServes(_ client: WireClient, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let pong = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":999}"#, id: 999)
        #expect(pong["result"]?["value"] == "pong", "\(pong.text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "this is not json", "", "{", #"{"jsonrpc":"2.0","id":1,"method":"ping""#, "[1,2", "nul", "\u{0}\u{1}",
        #"{"jsonrpc":"2.0","id":1,"method":"ping"} trailing"#,
    ])
    func notJSONIsAParseError(_ text: String) async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            client.send(text)
            let reply = try await client.nextJSON()
            expectError(reply, id: .null, code: -32700, data: .type("PARSE_ERROR"), message: "Parse error.")
            try await stillServes(client)
            await client.close()
        }
    }

    /// Valid JSON that is not a request; the id is echoed when it is usable, null otherwise (JSON-RPC 2.0 §5).
    @Test(arguments: [
        ("42", JSON.null), (#""ping""#, .null), ("null", .null), ("[]", .null), ("{}", .null),
        (#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#, .null),
        (#"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#, .null),
        (#"{"jsonrpc":"2.0","id":{"n":1},"method":"ping"}"#, .null),
        (#"{"jsonrpc":"2.0","id":true,"method":"ping"}"#, .null),
        (#"{"jsonrpc":"1.0","id":3,"method":"ping"}"#, 3),
        (#"{"id":4,"method":"ping"}"#, 4),
        (#"{"jsonrpc":"2.0","id":5}"#, 5),
        (#"{"jsonrpc":"2.0","id":6,"method":5}"#, 6),
        (#"{"jsonrpc":2.0,"id":"seven","method":"ping"}"#, "seven"),
    ])
    func jsonThatIsNotARequestIsInvalidRequest(_ text: String, _ id: JSON) async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            client.send(text)
            let reply = try await client.nextJSON()
            expectError(reply, id: id, code: -32600, data: .type("INVALID_REQUEST"), message: "Invalid JSON-RPC request.")
            try await stillServes(client)
            await client.close()
        }
    }

    @Test func paramsThatAreNotAnObject() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let reply = try await client.call(raw: #"{"jsonrpc":"2.0","id":8,"method":"create","params":[1,2]}"#, id: 8)
            expectError(reply, id: 8, code: -32602, data: .type("INVALID_PARAMS"))
            try await stillServes(client)
            await client.close()
        }
    }

    @Test func unknownMethodIsMethodNotFoundWithoutData() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            for (id, method) in [(1, "fly"), (2, "onEvent"), (3, "Ping"), (4, "")] {
                let reply = try await client.call(raw: #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":{}}"#, id: .int(Int64(id)))
                expectError(reply, id: .int(Int64(id)), code: -32601, data: .none, message: "Method not found.")
            }
            try await stillServes(client)
            await client.close()
        }
    }

    /// A request without id is a notification: no reply, not even for an unknown method.
    @Test func notificationsGetNoReply() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            client.send(#"{"jsonrpc":"2.0","method":"ping"}"#)
            client.send(#"{"jsonrpc":"2.0","method":"fly","params":{}}"#)
            client.send(#"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline"}}"#)
            // Requests of a connection are answered in order: the next message is this reply.
            let next = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":10}"#, id: 10)
            expectEnvelope(next, id: 10)
            #expect(client.strays.withLock { $0 }.isEmpty, "no reply to notifications: \(client.strays.withLock { $0 })")
            await client.close()
        }
    }

    /// Binary frames are read as UTF-8 text, as Kurento reads any payload; binary garbage is a parse error.
    @Test func binaryFrames() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            client.sendBinary(Array(#"{"jsonrpc":"2.0","method":"ping","id":1}"#.utf8))
            let pong = try await client.nextJSON()
            expectValue(pong, id: 1, session: .absent)
            client.sendBinary([0xFF, 0xFE, 0x00, 0x81, 0xC3])
            expectError(try await client.nextJSON(), id: .null, code: -32700, data: .type("PARSE_ERROR"))
            client.sendBinary([])
            expectError(try await client.nextJSON(), id: .null, code: -32700, data: .type("PARSE_ERROR"))
            try await stillServes(client)
            await client.close()
        }
    }

    /// Deeply nested JSON must not crash the server (stack depth) and gets an error reply.
    @Test func deeplyNestedJSON() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let depth = 100_000
            client.send(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            let reply = try await client.nextJSON()
            #expect(reply["error"]?["code"] == -32700 || reply["error"]?["code"] == -32600, "\(reply.text)")
            let nestedParams = #"{"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":"# + String(repeating: "[", count: depth)
                + String(repeating: "]", count: depth) + "}}"
            client.send(nestedParams)
            let second = try await client.nextJSON()
            #expect(second["id"] == 2 || second["id"] == .null, "\(second.text.prefix(200))")
            try await stillServes(client)
            await client.close()
        }
    }

    @Test func wrongParamTypesOfProtocolMethods() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let cases: [(String, [String: JSON], String)] = [
                ("invoke", ["object": 5, "operation": "getName"], "'object' parameter should be a string"),
                ("invoke", ["object": "x"], "'operation' parameter is required"),
                ("describe", ["object": ["a"]], "'object' parameter should be a string"),
                ("subscribe", ["object": "x", "type": false], "'type' parameter should be a string"),
                ("unsubscribe", ["object": "x"], "'subscription' parameter is required"),
                ("release", [:], "'object' parameter is required"),
                ("ref", ["object": 1], "'object' parameter should be a string"),
                ("transaction", ["operations": "all"], "'operations' parameter is required"),
            ]
            for (method, params, message) in cases {
                let reply = try await s.call(method, params)
                expectError(reply, id: reply["id"] ?? .null, code: -32000, data: .none, message: message)
            }
            // A sessionId that is not a string.
            let badSession = try await s.client.call(raw: #"{"jsonrpc":"2.0","id":3,"method":"keepAlive","params":{"sessionId":17}}"#, id: 3)
            expectError(badSession, id: 3, code: -32000, data: .none, message: "'sessionId' parameter should be a string")
            await s.close()
        }
    }
}
