import KurentoRuntime
import KurentoServer
import Testing

/// Subscriptions per object and event type (events of ancestors included), delivery once per session with the
/// data of reference §6.8, unsubscribe, and the server manager's ObjectCreated/ObjectDestroyed.
@Suite struct EventTests {
    @Test func demoEventsCarryTheirInheritedProperties() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        // CaptionShown and CaptionExpired are declared on OverlayBase, the others on StageFilter.
        for type in ["CaptionShown", "CaptionExpired", "FacesDetected", "FaceCountExceeded"] { try s.subscribe(stage, type) }

        let id = try await s.invoke(stage, "showText", ["text": "hi", "anchor": "CENTER"])
        try await s.invoke(stage, "hideCaption", ["captionId": id])
        let shown = try #require(s.events.of(type: "CaptionShown").first)
        #expect(shown.object == stage)
        #expect(Set(fields(shown.data).keys) == ["source", "timestampMillis", "tags", "type", "captionId", "caption", "anchor"])
        #expect(shown.data["source"] == .string(stage) && shown.data["type"] == "CaptionShown")
        #expect(shown.data["captionId"] == id && shown.data["anchor"] == "CENTER")
        #expect(shown.data["caption"]?["__type__"] == "Caption")
        // CaptionExpired extends CaptionShown: its properties, then its own.
        let expired = try #require(s.events.of(type: "CaptionExpired").first)
        #expect(Set(fields(expired.data).keys) == ["source", "timestampMillis", "tags", "type", "captionId", "caption", "anchor", "shownMillis"])
        #expect(expired.data["type"] == "CaptionExpired" && expired.data["captionId"] == id)
        if case .int(let millis)? = expired.data["shownMillis"] { #expect(millis >= 0) } else { Issue.record("shownMillis is not an integer") }

        // FaceCountExceeded extends FacesDetected.
        try await s.invoke(stage, "setFaceThreshold", ["faceThreshold": 1])
        try await s.invoke(stage, "addSpeaker", ["speaker": ["id": "ana", "displayName": "Ana"]])
        try await s.invoke(stage, "addSpeaker", ["speaker": ["id": "bo", "displayName": "Bo"]])
        try await s.invoke(stage, "measureLatency", ["samples": 5])
        let detected = try #require(s.events.of(type: "FacesDetected").first)
        #expect(detected.data["count"] == 2 && detected.data["mode"] == "FAST" && detected.data["faces"]?.arrayValue?.count == 2)
        let exceeded = try #require(s.events.of(type: "FaceCountExceeded").first)
        #expect(Set(fields(exceeded.data).keys) == ["source", "timestampMillis", "tags", "type", "faces", "count", "mode", "threshold"])
        #expect(exceeded.data["threshold"] == 1 && exceeded.data["type"] == "FaceCountExceeded")
        // Same faces again: nothing new.
        try await s.invoke(stage, "measureLatency", ["samples": 5])
        #expect(s.events.of(type: "FacesDetected").count == 1)
        try await s.invoke(stage, "setDetectionMode", ["detectionMode": "OFF"])
        try await s.invoke(stage, "measureLatency", ["samples": 5])
        #expect(s.events.of(type: "FacesDetected").last?.data["count"] == 0)
    }

    @Test func eventsOfAncestorsCanBeSubscribedOthersNot() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let logo = try await s.element("demo.LogoOverlay", in: pipeline, ["imageUri": "file:///logo.png"])
        let feed = try await s.element("demo.CaptionFeed", in: pipeline)
        for type in ["Error", "ElementConnected", "MediaFlowInStateChanged", "CaptionShown", "FacesDetected"] {
            #expect(throws: Never.self) { try s.subscribe(stage, type) }
        }
        #expect(throws: Never.self) { try s.subscribe(logo, "CaptionExpired") }
        await expectKurentoError(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event 'FacesDetected' not supported") {
            try s.subscribe(logo, "FacesDetected")
        }
        await expectKurentoError(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event 'CaptionShown' not supported") {
            try s.subscribe(feed, "CaptionShown")
        }
        await expectKurentoError(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event 'ElementConnected' not supported") {
            try s.subscribe(pipeline, "ElementConnected")
        }
    }

    @Test func eachSubscribedSessionReceivesAnEventOnce() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server), bystander = TestSession(server)
        let pipeline = try await a.pipeline()
        let stage = try await a.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let first = try a.subscribe(stage, "CaptionShown")
        let second = try a.subscribe(stage, "CaptionShown")
        #expect(first != second)
        try b.subscribe(stage, "CaptionShown")

        try await a.invoke(stage, "showText", ["text": "one"])
        #expect(a.events.all.count == 1)
        #expect(b.events.all.count == 1)
        #expect(bystander.events.all.isEmpty)
        #expect(a.events.all == b.events.all)

        // One of a's two subscriptions goes: a still receives; both go: a stops.
        a.dispatcher.unsubscribe(subscription: first, session: a.id)
        try await a.invoke(stage, "showText", ["text": "two"])
        #expect(a.events.all.count == 2)
        a.dispatcher.unsubscribe(subscription: second, session: a.id)
        try await a.invoke(stage, "showText", ["text": "three"])
        #expect(a.events.all.count == 2)
        #expect(b.events.all.count == 3)
        // Unknown subscriptions, and another session's, are ignored.
        a.dispatcher.unsubscribe(subscription: "no-such-subscription", session: a.id)
    }

    @Test func unsubscribingFromAReleasedObjectSucceeds() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let subscription = try s.subscribe(stage, "CaptionShown")
        #expect(server.dispatcher.subscriptionCount == 1)
        await s.release(pipeline)
        #expect(server.dispatcher.subscriptionCount == 0)
        s.dispatcher.unsubscribe(subscription: subscription, session: s.id)
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", "Object '\(stage)' not found") {
            try s.subscribe(stage, "CaptionShown")
        }
    }

    @Test func serverManagerReportsObjectsCreatedAndDestroyed() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let manager = "manager_ServerManager"
        try s.subscribe(manager, "ObjectCreated")
        try s.subscribe(manager, "ObjectDestroyed")

        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let feed = try await s.element("demo.CaptionFeed", in: pipeline)
        let created = s.events.of(type: "ObjectCreated")
        #expect(created.map(\.object) == [manager, manager, manager])
        #expect(created.compactMap { $0.data["object"]?.stringValue } == [pipeline, stage, feed])
        // ObjectCreated extends RaiseBase directly: no `type` property.
        #expect(Set(fields(created.first?.data).keys) == ["source", "timestampMillis", "tags", "object"])
        #expect(created.first?.data["source"] == .string(manager))

        await s.release(pipeline)
        let destroyed = s.events.of(type: "ObjectDestroyed").compactMap { $0.data["objectId"]?.stringValue }
        // Children first, the pipeline last.
        #expect(Set(destroyed.prefix(2)) == [stage, feed])
        #expect(destroyed.last == pipeline && destroyed.count == 3)
    }
}
