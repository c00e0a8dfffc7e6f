import KurentoRuntime
import Testing

/// Reconnection (behaviour §4.9): on a new socket the client sends `ping` then `connect {sessionId}`; the
/// session keeps its objects and subscriptions, and events go to the new socket.
@Suite struct ReconnectTests {
    @Test func objectsAndSubscriptionsSurviveAReconnect() async throws {
        try await TestServer.run { server in
            let first = try await server.connect()
            _ = try await first.call(raw: #"{"jsonrpc":"2.0","method":"ping","params":{"interval":5000},"id":0}"#, id: 0)
            let described = expectResult(
                try await first.call(raw: #"{"jsonrpc":"2.0","method":"describe","params":{"object":"manager_ServerManager"},"id":1}"#, id: 1), id: 1)
            let session = try #require(described["sessionId"]?.stringValue)
            let s = Session(client: first, id: session)
            let (pipeline, elements) = try await s.pipeline(withPassThroughs: 2)
            _ = try await s.subscribe(elements[0], "ElementConnected")
            await first.close()

            let second = try await server.connect()
            #expect(expectValue(try await second.call(raw: #"{"jsonrpc":"2.0","method":"ping","id":84}"#, id: 84), id: 84, session: .absent) == "pong")
            let connected = try await second.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(session)"},"id":85}"#, id: 85)
            expectResult(connected, id: 85, session: .equal(session))
            let resumed = Session(client: second, id: session)
            #expect(try await resumed.invoke(elements[0], "getName") == .string(elements[0]))
            #expect(try await resumed.invoke(pipeline, "getChildren").strings == elements)
            try await resumed.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "VIDEO"])
            let event = try await second.nextNotification()
            #expect(event["params"]?["value"]?["object"] == .string(elements[0]))
            #expect(event["params"]?["value"]?["data"]?["mediaType"] == "VIDEO")
            await second.close()
        }
    }

    /// The server may notice the old socket's end only after the client reconnected: events go to the newest
    /// connection, and the old one closing later does not take them away.
    @Test func eventsGoToTheNewestConnectionEvenBeforeTheOldOneCloses() async throws {
        try await TestServer.run { server in
            let old = try await Session.open(server)
            let (_, elements) = try await old.pipeline(withPassThroughs: 2)
            _ = try await old.subscribe(elements[0], "ElementConnected")
            let newer = try await server.connect()
            expectResult(try await newer.call(raw: #"{"jsonrpc":"2.0","method":"connect","params":{"sessionId":"\#(old.id)"},"id":1}"#, id: 1),
                         id: 1, session: .equal(old.id))
            let resumed = Session(client: newer, id: old.id)
            try await resumed.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "AUDIO"])
            #expect(try await newer.nextNotification()["params"]?["value"]?["data"]?["mediaType"] == "AUDIO")
            // The old socket sends nothing more (its client is gone); what reached it before its end is in its inbox.
            await old.close()
            var oldMessages: [Inbox.Item] = []
            while case let item = await old.client.nextItem(timeout: .seconds(5)), item != .closed, item != .timedOut { oldMessages.append(item) }
            #expect(oldMessages.isEmpty && old.client.takeNotifications().isEmpty, "the old connection no longer gets the session's events")
            try await resumed.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "VIDEO"])
            #expect(try await newer.nextNotification()["params"]?["value"]?["data"]?["mediaType"] == "VIDEO")
            await newer.close()
        }
    }
}
