import KurentoRuntime
import Testing

/// Clients that go away: mid-call, without a closing handshake, during the upgrade. The server keeps serving
/// the others and keeps every object of a session that may come back.
@Suite struct DisconnectTests {
    @Test func aClientThatClosesDuringASlowCall() async throws {
        try await TestServer.run { server in
            let a = try await Session.open(server)
            let (pipeline, elements) = try await a.pipeline(withPassThroughs: 2)
            let b = try await Session.open(server)
            let other = try await b.create("MediaPipeline")
            a.client.send(#"{"jsonrpc":"2.0","id":500,"method":"invoke","params":{"object":"manager_ServerManager","operation":"getUsedCpu","operationParams":{"interval":1000},"sessionId":"\#(a.id)"}}"#)
            let closing = Task { await a.close() }
            // Meanwhile the other client is served.
            for i in 0..<5 { try await b.invoke(other, "setName", ["name": .string("b\(i)")]) }
            #expect(try await b.invoke(other, "getName") == "b4")
            await closing.value
            // Nothing of the vanished client was lost: it reconnects and finds its objects.
            let back = try await server.connect()
            expectResult(try await back.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(a.id)"},"id":1}"#, id: 1),
                         id: 1, session: .equal(a.id))
            let resumed = Session(client: back, id: a.id)
            #expect(try await resumed.invoke(pipeline, "getChildren").strings == elements)
            let cpu = try await resumed.invoke("manager_ServerManager", "getUsedCpu", ["interval": 10])
            guard case .double = cpu else { Issue.record("getUsedCpu is a float: \(cpu.text)"); return }
            await back.close()
            await b.close()
        }
    }

    /// The socket is reset in the middle of a call: no closing handshake, no FIN.
    @Test func aClientThatVanishesDuringASlowCall() async throws {
        try await TestServer.run { server in
            let a = try await Session.open(server)
            let (pipeline, elements) = try await a.pipeline(withPassThroughs: 1)
            await a.close()
            let session = a.id
            let status = try await RawSocketClient.blocking {
                let raw = try RawSocketClient(port: server.port)
                let status = try raw.upgrade()
                try raw.sendText(#"{"jsonrpc":"2.0","id":1,"method":"connect","params":{"sessionId":"\#(session)"}}"#)
                try raw.sendText(#"{"jsonrpc":"2.0","id":2,"method":"invoke","params":{"object":"manager_ServerManager","operation":"getUsedCpu","operationParams":{"interval":1000},"sessionId":"\#(session)"}}"#)
                raw.reset()
                return status
            }
            #expect(status.hasPrefix("HTTP/1.1 101"), "\(status)")
            let b = try await Session.open(server)
            let mine = try await b.create("MediaPipeline")
            #expect(try await b.invoke(mine, "getName") == .string(mine))
            // The call finishes with nobody to answer; afterwards the session still reconnects with its objects.
            try await b.invoke("manager_ServerManager", "getUsedCpu", ["interval": 1200])
            let back = try await server.connect()
            expectResult(try await back.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(a.id)"},"id":1}"#, id: 1),
                         id: 1, session: .equal(a.id))
            #expect(try await Session(client: back, id: a.id).invoke(pipeline, "getChildren").strings == elements)
            await back.close()
            await b.close()
        }
    }

    @Test func connectionsThatStopBeforeOrDuringTheUpgrade() async throws {
        try await TestServer.run { server in
            // Connect and reset at once; send half an HTTP request and reset; upgrade and reset.
            try await RawSocketClient.blocking {
                try RawSocketClient(port: server.port).reset()
                let partial = try RawSocketClient(port: server.port)
                try partial.write(Array("GET /kurento HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgr".utf8))
                partial.reset()
                let upgraded = try RawSocketClient(port: server.port)
                try upgraded.upgrade()
                try upgraded.write([0x81, 0xFE])  // half a frame header
                upgraded.reset()
            }
            let client = try await server.connect()
            expectValue(try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":1}"#, id: 1), id: 1, session: .absent)
            await client.close()
        }
    }

    /// Only the configured path upgrades; another path is refused at the HTTP level, not accepted and closed
    /// (which would make the JavaScript client reconnect every 100 ms forever, behaviour §4.9).
    @Test func otherPathsAreRefused() async throws {
        try await TestServer.run { server in
            let status = try await RawSocketClient.blocking { try RawSocketClient(port: server.port).upgrade(path: "/other") }
            #expect(!status.contains("101"), "no upgrade on /other: \(status)")
            await #expect(throws: (any Error).self) { try await server.connect(path: "/other") }
            let client = try await server.connect(path: "/kurento?client=js")
            expectValue(try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":1}"#, id: 1), id: 1, session: .absent)
            await client.close()
        }
    }

    @Test func manyClientsComeAndGo() async throws {
        try await TestServer.run { server in
            let keeper = try await Session.open(server)
            let kept = try await keeper.create("MediaPipeline")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        let s = try await Session.open(server)
                        let pipeline = try await s.create("MediaPipeline")
                        _ = try await s.create("PassThrough", ["mediaPipeline": .string(pipeline)])
                        _ = try await s.call("release", ["object": .string(pipeline)])
                        await s.close()
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await keeper.invoke(kept, "getName") == .string(kept))
            #expect(server.registry.ids.sorted() == [kept, "manager_ServerManager"].sorted())
            await keeper.close()
        }
    }
}
