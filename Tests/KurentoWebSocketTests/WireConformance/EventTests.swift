import KurentoRuntime
import Testing

/// `onEvent` notifications (reference §6.8, behaviour §4.6).
@Suite struct EventTests {
    /// Checks the notification envelope and returns `params.value`.
    private func eventValue(_ notification: JSON, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        #expect(notification["jsonrpc"] == "2.0", sourceLocation: sourceLocation)
        #expect(notification["method"] == "onEvent", sourceLocation: sourceLocation)
        #expect(notification["id"] == nil, "an event is a notification, without id: \(notification.text)", sourceLocation: sourceLocation)
        let value = notification["params"]?["value"] ?? .null
        #expect(notification["params"]?.objectValue?.keys.sorted() == ["value"], sourceLocation: sourceLocation)
        #expect(value.objectValue?.keys.sorted() == ["data", "object", "type"], "\(notification.text)", sourceLocation: sourceLocation)
        return value
    }

    @Test func elementConnectedHasTheShapeOfKurento() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            let (source, sink) = (elements[0], elements[1])
            _ = try await s.subscribe(source, "ElementConnected")
            try await s.invoke(source, "connect", ["sink": .string(sink)])
            var mediaTypes: [JSON] = []
            for _ in 0..<3 {
                let value = eventValue(try await s.client.nextNotification())
                #expect(value["type"] == "ElementConnected")
                #expect(value["object"] == .string(source), "object must be exactly the id the client got")
                let data = value["data"] ?? .null
                #expect(data["source"] == .string(source))
                #expect(data["sink"] == .string(sink))
                #expect(data["type"] == "ElementConnected")
                #expect(data["tags"] == [])
                #expect(data["sourceMediaDescription"] == "default")
                #expect(data["sinkMediaDescription"] == "default")
                if let millis = data["timestampMillis"]?.stringValue {
                    #expect(Int64(millis) != nil, "timestampMillis is a number in a string: \(millis)")
                } else {
                    Issue.record("timestampMillis must be a string: \(data.text)")
                }
                mediaTypes.append(data["mediaType"] ?? .null)
            }
            #expect(Set(mediaTypes) == ["AUDIO", "VIDEO", "DATA"], "one event per media type for a connect without type")
            await s.close()
        }
    }

    @Test func tagsAreSentWhenTheSourceSaysSo() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            try await s.invoke(elements[0], "addTag", ["key": "role", "value": "source"])
            try await s.invoke(elements[0], "setSendTagsInEvents", ["sendTagsInEvents": true])
            _ = try await s.subscribe(elements[0], "ElementConnected")
            try await s.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "AUDIO"])
            let data = eventValue(try await s.client.nextNotification())["data"] ?? .null
            #expect(data["tags"] == [["__module__": "kurento", "__type__": "Tag", "key": "role", "value": "source"]], "\(data.text)")
            #expect(data["mediaType"] == "AUDIO")
            await s.close()
        }
    }

    /// The client does not wait for the subscribe reply before its next request (behaviour §4.6): requests of
    /// one connection run in order, so the event of a connect sent right after is not missed.
    @Test func pipelinedSubscribeAndConnect() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            let (_, elements) = try await s.pipeline(withPassThroughs: 2)
            s.client.send(#"{"jsonrpc":"2.0","method":"subscribe","params":{"object":"\#(elements[0])","type":"ElementConnected","sessionId":"\#(s.id)"},"id":50}"#)
            s.client.send(#"{"jsonrpc":"2.0","method":"invoke","params":{"object":"\#(elements[0])","operation":"connect","operationParams":{"sink":"\#(elements[1])","mediaType":"VIDEO"},"sessionId":"\#(s.id)"},"id":51}"#)
            expectValue(try await s.client.response(id: 50), id: 50, session: .equal(s.id))
            expectValue(try await s.client.response(id: 51), id: 51, session: .equal(s.id))
            let value = eventValue(try await s.client.nextNotification())
            #expect(value["data"]?["mediaType"] == "VIDEO")
            await s.close()
        }
    }

    @Test func eachSubscribedSessionGetsTheEventOnce() async throws {
        try await TestServer.run { server in
            let a = try await Session.open(server)
            let b = try await Session.open(server)
            let (_, elements) = try await a.pipeline(withPassThroughs: 2)
            _ = try await a.subscribe(elements[0], "ElementConnected")
            _ = try await a.subscribe(elements[0], "ElementConnected")
            _ = try await b.subscribe(elements[0], "ElementConnected")
            try await a.invoke(elements[0], "connect", ["sink": .string(elements[1]), "mediaType": "AUDIO"])
            #expect(eventValue(try await a.client.nextNotification())["data"]?["mediaType"] == "AUDIO")
            #expect(eventValue(try await b.client.nextNotification())["data"]?["mediaType"] == "AUDIO")
            // Nothing more: a round trip on each connection flushes anything still in flight.
            _ = try await a.call("ping")
            _ = try await b.call("ping")
            #expect(a.client.takeNotifications().isEmpty, "two subscriptions of one session: one event")
            #expect(b.client.takeNotifications().isEmpty)
            await a.close()
            await b.close()
        }
    }

    @Test func serverManagerObjectCreatedAndDestroyed() async throws {
        try await TestServer.run { server in
            let s = try await Session.open(server)
            _ = try await s.subscribe("manager_ServerManager", "ObjectCreated")
            _ = try await s.subscribe("manager_ServerManager", "ObjectDestroyed")
            let pipeline = try await s.create("MediaPipeline")
            let created = eventValue(try await s.client.nextNotification())
            #expect(created["type"] == "ObjectCreated")
            #expect(created["object"] == "manager_ServerManager")
            #expect(created["data"]?["object"] == .string(pipeline), "\(created.text)")
            _ = try await s.call("release", ["object": .string(pipeline)])
            let destroyed = eventValue(try await s.client.nextNotification())
            #expect(destroyed["type"] == "ObjectDestroyed")
            #expect(destroyed["data"]?["objectId"] == .string(pipeline), "\(destroyed.text)")
            await s.close()
        }
    }
}
