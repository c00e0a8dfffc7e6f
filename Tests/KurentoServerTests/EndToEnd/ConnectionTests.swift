import KurentoRuntime
import KurentoServer
import Testing

/// `connect`/`disconnect` per media type and description, their events (data as reference §6.8), a new source
/// replacing the old one on a sink, and released elements leaving their peers.
@Suite struct ConnectionTests {
    struct Graph {
        let server = makeDemoServer()
        let s: TestSession
        let pipeline: String
        let feed: String
        let stage: String
        let logo: String

        init() async throws {
            s = TestSession(server)
            pipeline = try await s.pipeline()
            feed = try await s.element("demo.CaptionFeed", in: pipeline)
            stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
            logo = try await s.element("demo.LogoOverlay", in: pipeline, ["imageUri": "file:///logo.png"])
        }
    }

    @Test func connectAndDisconnectRaiseEventsShapedAsKurentos() async throws {
        let g = try await Graph()
        let s = g.s
        try s.subscribe(g.feed, "ElementConnected")
        try s.subscribe(g.feed, "ElementDisconnected")

        // No media type: audio, video and data.
        try await s.invoke(g.feed, "connect", ["sink": .string(g.stage)])
        let connected = s.events.of(type: "ElementConnected")
        #expect(connected.count == 3)
        #expect(Set(connected.compactMap { $0.data["mediaType"]?.stringValue }) == ["AUDIO", "VIDEO", "DATA"])
        for event in connected {
            #expect(event.object == g.feed)
            let data = fields(event.data)
            #expect(Set(data.keys) == ["source", "timestampMillis", "tags", "type", "sink", "mediaType",
                                       "sourceMediaDescription", "sinkMediaDescription"])
            #expect(data["source"] == .string(g.feed))
            #expect(data["sink"] == .string(g.stage))
            #expect(data["type"] == "ElementConnected")
            #expect(data["tags"] == [])
            #expect(data["sourceMediaDescription"] == "default" && data["sinkMediaDescription"] == "default")
            let millis = data["timestampMillis"]?.stringValue ?? ""
            #expect(!millis.isEmpty && millis.allSatisfy(\.isNumber), "timestampMillis is a decimal string: \(millis)")
        }

        let sinks = try await s.invoke(g.feed, "getSinkConnections")
        #expect(sinks.arrayValue?.count == 3)
        let first = fields(sinks.arrayValue?.first)
        #expect(first["__type__"] == "ElementConnectionData" && first["__module__"] == "kurento")
        #expect(first["source"] == .string(g.feed) && first["sink"] == .string(g.stage))
        #expect(try await s.invoke(g.stage, "getSourceConnections", ["mediaType": "VIDEO"]).arrayValue?.count == 1)
        #expect(try await s.invoke(g.stage, "getSinkConnections") == [])
        #expect(try await s.invoke(g.stage, "isMediaFlowingIn", ["mediaType": "AUDIO", "sinkMediaDescription": ""]) == true)
        #expect(try await s.invoke(g.feed, "isMediaFlowingOut", ["mediaType": "AUDIO", "sourceMediaDescription": ""]) == true)

        // Disconnect one media type.
        try await s.invoke(g.feed, "disconnect", ["sink": .string(g.stage), "mediaType": "VIDEO"])
        let disconnected = s.events.of(type: "ElementDisconnected")
        #expect(disconnected.count == 1)
        #expect(fields(disconnected.first?.data)["mediaType"] == "VIDEO")
        #expect(fields(disconnected.first?.data)["type"] == "ElementDisconnected")
        #expect(fields(disconnected.first?.data)["sink"] == .string(g.stage))
        #expect(try await s.invoke(g.feed, "getSinkConnections").arrayValue?.count == 2)
        #expect(try await s.invoke(g.stage, "getSourceConnections", ["mediaType": "VIDEO"]) == [])

        // Then the rest.
        try await s.invoke(g.feed, "disconnect", ["sink": .string(g.stage)])
        #expect(s.events.of(type: "ElementDisconnected").count == 3)
        #expect(try await s.invoke(g.feed, "getSinkConnections") == [])
        #expect(try await s.invoke(g.stage, "getSourceConnections") == [])
    }

    @Test func connectionsPerMediaDescription() async throws {
        let g = try await Graph()
        let s = g.s
        try await s.invoke(g.feed, "connect", ["sink": .string(g.stage), "mediaType": "DATA",
                                               "sourceMediaDescription": "captions", "sinkMediaDescription": "text"])
        let connection = fields(try await s.invoke(g.stage, "getSourceConnections").arrayValue?.first)
        #expect(connection["type"] == "DATA")
        #expect(connection["sourceDescription"] == "captions" && connection["sinkDescription"] == "text")
        #expect(try await s.invoke(g.stage, "getSourceConnections", ["description": "text"]).arrayValue?.count == 1)
        #expect(try await s.invoke(g.stage, "getSourceConnections", ["description": "other"]) == [])
    }

    @Test func aNewSourceReplacesTheOldOneOnASink() async throws {
        let g = try await Graph()
        let s = g.s
        try s.subscribe(g.feed, "ElementDisconnected")
        try s.subscribe(g.logo, "ElementConnected")
        try await s.invoke(g.feed, "connect", ["sink": .string(g.stage), "mediaType": "VIDEO"])
        try await s.invoke(g.logo, "connect", ["sink": .string(g.stage), "mediaType": "VIDEO"])

        // The old source raised ElementDisconnected, the new one ElementConnected.
        let disconnected = s.events.of(type: "ElementDisconnected")
        #expect(disconnected.count == 1 && disconnected.first?.object == g.feed)
        #expect(fields(disconnected.first?.data)["sink"] == .string(g.stage))
        #expect(s.events.of(type: "ElementConnected").count == 1)
        let sources = try await s.invoke(g.stage, "getSourceConnections")
        #expect(sources.arrayValue?.count == 1)
        #expect(fields(sources.arrayValue?.first)["source"] == .string(g.logo))
        #expect(try await s.invoke(g.feed, "getSinkConnections") == [])

        // Another media type does not replace anything.
        try await s.invoke(g.feed, "connect", ["sink": .string(g.stage), "mediaType": "AUDIO"])
        #expect(try await s.invoke(g.stage, "getSourceConnections").arrayValue?.count == 2)
    }

    @Test func releasingAnElementRemovesItFromItsPeers() async throws {
        let g = try await Graph()
        let s = g.s
        // feed -> stage -> logo
        try await s.invoke(g.feed, "connect", ["sink": .string(g.stage)])
        try await s.invoke(g.stage, "connect", ["sink": .string(g.logo)])
        try s.subscribe(g.feed, "ElementDisconnected")
        await s.release(g.stage)

        #expect(try await s.invoke(g.feed, "getSinkConnections") == [])
        #expect(try await s.invoke(g.logo, "getSourceConnections") == [])
        // The source that stays raises ElementDisconnected for each media type, as Kurento's disconnectAll.
        let disconnected = s.events.of(type: "ElementDisconnected")
        #expect(disconnected.count == 3)
        #expect(disconnected.allSatisfy { fields($0.data)["sink"] == .string(g.stage) })
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", "Object '\(g.stage)' not found") {
            try await s.invoke(g.feed, "connect", ["sink": .string(g.stage)])
        }
    }

    @Test func elementsOfDifferentPipelinesCannotBeConnected() async throws {
        let g = try await Graph()
        let other = try await g.s.pipeline()
        let stranger = try await g.s.element("PassThrough", in: other)
        await expectKurentoError(40004, "CONNECT_ERROR", "Media elements do not share pipeline") {
            try await g.s.invoke(g.feed, "connect", ["sink": .string(stranger)])
        }
        #expect(try await g.s.invoke(g.feed, "getSinkConnections") == [])
    }

    @Test func platformElementsConnectToPluginElements() async throws {
        let g = try await Graph()
        let pass = try await g.s.element("PassThrough", in: g.pipeline)
        try await g.s.invoke(pass, "connect", ["sink": .string(g.stage), "mediaType": "VIDEO"])
        try await g.s.invoke(g.stage, "connect", ["sink": .string(pass), "mediaType": "VIDEO"])
        #expect(try await g.s.invoke(pass, "getSourceConnections").arrayValue?.count == 1)
        #expect(try await g.s.invoke(pass, "getSinkConnections").arrayValue?.count == 1)
        let dot = try await g.s.invoke(g.pipeline, "getGstreamerDot").stringValue ?? ""
        #expect(dot.contains("\"\(pass)\" -> \"\(g.stage)\" [label=\"VIDEO\"]"))
    }
}
