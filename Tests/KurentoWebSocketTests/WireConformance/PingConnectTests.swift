import Foundation
import KurentoRuntime
import Testing

/// `ping` and `connect` (reference §6.4) and the first frames of a real client (behaviour §4.1–4.2).
@Suite struct PingConnectTests {
    @Test func pingBeforeAnySessionHasNoSessionId() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let first = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","params":{"interval":5000},"id":0}"#, id: 0)
            let value = expectValue(first, id: 0, session: .absent)
            #expect(value == "pong")
            // Later pings of the JavaScript client have no params member at all.
            let later = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":1}"#, id: 1)
            #expect(expectValue(later, id: 1, session: .absent) == "pong")
            #expect(server.core.dispatcher.sessionIDs.isEmpty, "a ping creates no session")
            await client.close()
        }
    }

    @Test func pingCarriesTheGivenOrInjectedSession() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let connected = expectResult(try await client.call("connect", id: 0), id: 0)
            let session = try #require(connected["sessionId"]?.stringValue)
            let given = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","params":{"sessionId":"\#(session)"},"id":1}"#, id: 1)
            #expect(expectValue(given, id: 1, session: .equal(session)) == "pong")
            let injected = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":2}"#, id: 2)
            #expect(expectValue(injected, id: 2, session: .equal(session)) == "pong")
            await client.close()
        }
    }

    @Test func describeOfTheServerManagerBeforeAnySessionCreatesOne() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            _ = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","params":{"interval":5000},"id":0}"#, id: 0)
            let response = try await client.call(
                raw: #"{"jsonrpc":"2.0","method":"describe","params":{"object":"manager_ServerManager"},"id":1}"#, id: 1)
            let result = expectResult(response, id: 1)
            #expect(result["type"] == "ServerManager")
            #expect(result["qualifiedType"] == "kurento.ServerManager")
            #expect(result["hierarchy"] == ["kurento.MediaObject"])
            let session = try #require(result["sessionId"]?.stringValue)
            #expect(UUID(uuidString: session) != nil, "session ids are UUIDs: \(session)")
            // The next request, with that session, is the getInfo of a strict client.
            let info = try await client.call(
                raw: #"{"jsonrpc":"2.0","method":"invoke","params":{"object":"manager_ServerManager","operation":"getInfo","sessionId":"\#(session)"},"id":2}"#,
                id: 2)
            let value = expectValue(info, id: 2, session: .equal(session))
            let names = (value["modules"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            for module in ["core", "elements", "filters"] {
                #expect(names.contains(module), "getInfo must list module \(module): \(value.text)")
            }
            #expect(value["capabilities"]?.strings?.contains("transactions") == true, "\(value.text)")
            await client.close()
        }
    }

    @Test func connectWithoutParamsOrEmptyParamsMakesANewSession() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let bare = expectResult(try await client.call(raw: #"{"jsonrpc":"2.0","method":"connect","id":1}"#, id: 1), id: 1)
            let empty = expectResult(try await client.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{},"id":2}"#, id: 2), id: 2)
            let first = try #require(bare["sessionId"]?.stringValue), second = try #require(empty["sessionId"]?.stringValue)
            #expect(UUID(uuidString: first) != nil && UUID(uuidString: second) != nil)
            #expect(first != second, "connect without sessionId makes a new session each time")
            #expect(bare["serverId"] == .string(server.handler.serverID))
            #expect(empty["serverId"] == .string(server.handler.serverID))
            await client.close()
        }
    }

    @Test func connectWithAKnownSessionKeepsIt() async throws {
        try await TestServer.run { server in
            let first = try await server.connect()
            let session = try #require(expectResult(try await first.call("connect", id: 0), id: 0)["sessionId"]?.stringValue)
            let second = try await server.connect()
            let response = try await second.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(session)"},"id":7}"#, id: 7)
            let result = expectResult(response, id: 7, session: .equal(session))
            #expect(result["serverId"] == .string(server.handler.serverID))
            await first.close()
            await second.close()
        }
    }

    @Test func connectWithAnUnknownSessionIsInvalidSession() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let response = try await client.call(
                raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"9a5b7d7e-0000-4000-8000-000000000000"},"id":3}"#, id: 3)
            expectError(response, id: 3, code: 40007, data: .type("INVALID_SESSION"))
            // The connection goes on; a plain connect then works.
            expectResult(try await client.call(raw: #"{"jsonrpc":"2.0","method":"connect","id":4}"#, id: 4), id: 4)
            await client.close()
        }
    }

    @Test func keepAliveOfKnownAndUnknownSessions() async throws {
        try await TestServer.run { server in
            let client = try await server.connect()
            let session = try #require(expectResult(try await client.call("connect", id: 0), id: 0)["sessionId"]?.stringValue)
            let known = try await client.call(raw: #"{"jsonrpc":"2.0","method":"keepAlive","params":{"sessionId":"\#(session)"},"id":1}"#, id: 1)
            expectResult(known, id: 1, session: .equal(session))
            let unknown = try await client.call(
                raw: #"{"jsonrpc":"2.0","method":"keepAlive","params":{"sessionId":"0b6c7a1e-0000-4000-8000-000000000000"},"id":2}"#, id: 2)
            expectError(unknown, id: 2, code: 40007, data: .type("INVALID_SESSION"))
            await client.close()
        }
    }
}
