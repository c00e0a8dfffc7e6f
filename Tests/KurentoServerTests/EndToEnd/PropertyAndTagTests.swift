import KurentoRuntime
import KurentoServer
import Testing

/// `get<Prop>`/`set<Prop>` for every kind of value (primitive, record, enum, map), read-only and final
/// properties, and tags.
@Suite struct PropertyAndTagTests {
    @Test func propertiesOfEveryKind() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])

        // Inherited from OverlayBase (demo) and MediaElement (core).
        #expect(try await s.invoke(stage, "getOverlayEnabled") == true)
        try await s.invoke(stage, "setOverlayEnabled", ["overlayEnabled": false])
        #expect(try await s.invoke(stage, "getOverlayEnabled") == false)
        try await s.invoke(stage, "setMaxEncoderBitrate", ["maxEncoderBitrate": 2_000_000])
        #expect(try await s.invoke(stage, "getMaxEncoderBitrate") == 2_000_000)

        // int
        try await s.invoke(stage, "setFaceThreshold", ["faceThreshold": 2])
        #expect(try await s.invoke(stage, "getFaceThreshold") == 2)

        // enum
        try await s.invoke(stage, "setDetectionMode", ["detectionMode": "OFF"])
        #expect(try await s.invoke(stage, "getDetectionMode") == "OFF")

        // map
        try await s.invoke(stage, "setRoleColors", ["roleColors": ["HOST": "#FF0000", "AUDIENCE": "#00FF00"]])
        #expect(try await s.invoke(stage, "getRoleColors") == ["HOST": "#FF0000", "AUDIENCE": "#00FF00"])

        // record: omitted optional fields take their defaults; the result carries __type__ and __module__.
        try await s.invoke(stage, "setCaptionStyle", ["captionStyle": ["fontSize": 32, "anchor": "TOP"]])
        let style = fields(try await s.invoke(stage, "getCaptionStyle"))
        #expect(style["__type__"] == "CaptionStyle" && style["__module__"] == "demo")
        #expect(style["fontFamily"] == "Sans" && style["fontSize"] == 32 && style["bold"] == false && style["anchor"] == "TOP")
        #expect(style["margin"] == ["__type__": "Point", "__module__": "demo", "x": 16, "y": 16])

        // A record property of another class.
        let logo = try await s.element("demo.LogoOverlay", in: pipeline, ["imageUri": "file:///logo.png"])
        try await s.invoke(logo, "setPosition", ["position": ["x": 640, "y": 360]])
        #expect(try await s.invoke(logo, "getPosition") == ["__type__": "Point", "__module__": "demo", "x": 640, "y": 360])
        // The client may send __type__/__module__ back.
        try await s.invoke(logo, "setPosition", ["position": ["__type__": "Point", "__module__": "demo", "x": 1, "y": 2]])
        #expect(fields(try await s.invoke(logo, "getPosition"))["x"] == 1)

        // Implementation checks surface as Kurento errors.
        await expectKurentoError(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", "'faceThreshold' must not be negative") {
            try await s.invoke(stage, "setFaceThreshold", ["faceThreshold": -1])
        }
    }

    @Test func readOnlyAndFinalPropertiesHaveNoSetter() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        #expect(try await s.invoke(stage, "getOverlayCount") == 0)
        #expect(try await s.invoke(stage, "getProcessedFrames") == 0)
        await expectKurentoError(40008, "MALFORMED_TRANSACTION", "Method 'setOverlayCount' with 1 parameters not found") {
            try await s.invoke(stage, "setOverlayCount", ["overlayCount": 3])
        }
        await expectKurentoError(40008, "MALFORMED_TRANSACTION", "Method 'setStageName' with 1 parameters not found") {
            try await s.invoke(stage, "setStageName", ["stageName": "other"])
        }
    }

    @Test func tags() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])

        #expect(try await s.invoke(stage, "getTags") == [])
        try await s.invoke(stage, "addTag", ["key": "room", "value": "A"])
        try await s.invoke(stage, "addTag", ["key": "camera", "value": "2"])
        try await s.invoke(stage, "addTag", ["key": "room", "value": "B"])   // replaces
        #expect(try await s.invoke(stage, "getTag", ["key": "room"]) == "B")
        let tags = try await s.invoke(stage, "getTags").arrayValue ?? []
        #expect(Set(tags) == [["__type__": "Tag", "__module__": "kurento", "key": "room", "value": "B"],
                              ["__type__": "Tag", "__module__": "kurento", "key": "camera", "value": "2"]])

        try await s.invoke(stage, "removeTag", ["key": "room"])
        try await s.invoke(stage, "removeTag", ["key": "never-set"])   // nothing to remove: fine
        await expectKurentoError(40110, "MEDIA_OBJECT_TAG_KEY_NOT_FOUND") {
            try await s.invoke(stage, "getTag", ["key": "room"])
        }
        #expect(try await s.invoke(stage, "getTags").arrayValue?.count == 1)
        // Tags of one object are not another's.
        #expect(try await s.invoke(pipeline, "getTags") == [])
    }

    @Test func sendTagsInEventsPutsTheTagsIntoEventData() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        try s.subscribe(stage, "CaptionShown")
        try await s.invoke(stage, "addTag", ["key": "room", "value": "A"])

        #expect(try await s.invoke(stage, "getSendTagsInEvents") == false)
        try await s.invoke(stage, "showText", ["text": "untagged"])
        #expect(fields(s.events.all.last?.data)["tags"] == [])

        try await s.invoke(stage, "setSendTagsInEvents", ["sendTagsInEvents": true])
        #expect(try await s.invoke(stage, "getSendTagsInEvents") == true)
        try await s.invoke(stage, "showText", ["text": "tagged"])
        #expect(fields(s.events.all.last?.data)["tags"] == [["__type__": "Tag", "__module__": "kurento", "key": "room", "value": "A"]])
    }
}
