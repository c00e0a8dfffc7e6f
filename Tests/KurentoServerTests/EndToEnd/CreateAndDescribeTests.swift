import Foundation
import KurentoRuntime
import KurentoServer
import Testing

/// `create` by plain and qualified factory names, Kurento's object ids, `describe`, and the MediaObject
/// members every object inherits — all through the dispatcher.
@Suite struct CreateAndDescribeTests {
    @Test func idsHaveKurentosShape() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.create("MediaPipeline")
        let qualifiedPipeline = try await s.create("kurento.MediaPipeline")
        #expect(isLocalID(pipeline[...], qualifiedType: "kurento.MediaPipeline"), "\(pipeline)")
        #expect(isLocalID(qualifiedPipeline[...], qualifiedType: "kurento.MediaPipeline"), "\(qualifiedPipeline)")
        #expect(pipeline != qualifiedPipeline)
        // Random (version 4) UUIDs: version nibble 4, variant 10xx.
        let uuid = Array(pipeline.prefix(36))
        #expect(uuid[14] == "4" && "89ab".contains(uuid[19]), "\(pipeline)")

        for type in ["demo.StageFilter", "StageFilter"] {
            let stage = try await s.element(type, in: pipeline, ["stageName": "main"])
            let parts = stage.split(separator: "/")
            #expect(parts.count == 2 && parts[0] == pipeline && isLocalID(parts[1], qualifiedType: "demo.StageFilter"), "\(stage)")
        }
        let passThrough = try await s.element("kurento.PassThrough", in: pipeline)
        #expect(isLocalID(passThrough.split(separator: "/")[1], qualifiedType: "kurento.PassThrough"))

        // A hub port is a child of its hub: <pipeline>/<hub>/<uuid>_kurento.HubPort.
        let hub = try await s.element("Composite", in: pipeline)
        let port = try await s.create("HubPort", ["hub": .string(hub)])
        let parts = port.split(separator: "/")
        #expect(parts.count == 3 && parts[0] == pipeline && "\(parts[0])/\(parts[1])" == hub)
        #expect(isLocalID(parts[2], qualifiedType: "kurento.HubPort"), "\(port)")
    }

    @Test func describeGivesTypeQualifiedTypeAndAncestorsNearestFirst() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let logo = try await s.element("LogoOverlay", in: pipeline, ["imageUri": "file:///logo.png"])
        let feed = try await s.element("CaptionFeed", in: pipeline)

        let expected: [(String, String, String, [String])] = [
            (pipeline, "MediaPipeline", "kurento.MediaPipeline", ["kurento.MediaObject"]),
            (stage, "StageFilter", "demo.StageFilter", ["demo.OverlayBase", "kurento.Filter", "kurento.MediaElement", "kurento.MediaObject"]),
            (logo, "LogoOverlay", "demo.LogoOverlay", ["demo.OverlayBase", "kurento.Filter", "kurento.MediaElement", "kurento.MediaObject"]),
            (feed, "CaptionFeed", "demo.CaptionFeed", ["kurento.Endpoint", "kurento.MediaElement", "kurento.MediaObject"]),
            ("manager_ServerManager", "ServerManager", "kurento.ServerManager", ["kurento.MediaObject"]),
        ]
        for (id, type, qualifiedType, hierarchy) in expected {
            let d = try s.describe(id)
            #expect(d.type == type)
            #expect(d.qualifiedType == qualifiedType)
            #expect(d.hierarchy == hierarchy)
        }
    }

    @Test func mediaObjectMembersAreInherited() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let before = Int64(Date().timeIntervalSince1970)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        let feed = try await s.element("CaptionFeed", in: pipeline)
        let hub = try await s.element("Composite", in: pipeline)
        let port = try await s.create("HubPort", ["hub": .string(hub)])

        #expect(try await s.invoke(stage, "getId") == .string(stage))
        #expect(try await s.invoke(stage, "getMediaPipeline") == .string(pipeline))
        #expect(try await s.invoke(pipeline, "getMediaPipeline") == .string(pipeline))
        #expect(try await s.invoke(port, "getMediaPipeline") == .string(pipeline))
        #expect(try await s.invoke(stage, "getParent") == .string(pipeline))
        #expect(try await s.invoke(port, "getParent") == .string(hub))
        #expect(try await s.invoke(pipeline, "getParent") == .null)
        #expect(try await s.invoke(pipeline, "getChildren") == .array([.string(stage), .string(feed), .string(hub)]))
        #expect(try await s.invoke(hub, "getChildren") == .array([.string(port)]))

        // The name defaults to the id.
        #expect(try await s.invoke(stage, "getName") == .string(stage))
        try await s.invoke(stage, "setName", ["name": "stage left"])
        #expect(try await s.invoke(stage, "getName") == "stage left")

        guard case .int(let created) = try await s.invoke(stage, "getCreationTime") else {
            Issue.record("getCreationTime is not an integer")
            return
        }
        #expect(created >= before && created <= Int64(Date().timeIntervalSince1970))
    }

    @Test func constructorParamsAndTheirDefaults() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let pipeline = try await s.pipeline()

        // Only the required params: every optional one takes its kmd default.
        let logo = try await s.element("demo.LogoOverlay", in: pipeline, ["imageUri": "file:///logo.png"])
        #expect(try await s.invoke(logo, "getImageUri") == "file:///logo.png")
        #expect(try await s.invoke(logo, "getPosition") == ["__type__": "Point", "__module__": "demo", "x": 16, "y": 16])
        let feed = try await s.element("CaptionFeed", in: pipeline)
        #expect(try await s.invoke(feed, "getLanguage") == "en")

        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        #expect(try await s.invoke(stage, "getStageName") == "main")
        #expect(try await s.invoke(stage, "getDetectionMode") == "FAST")
        #expect(try await s.invoke(stage, "getRoleColors") == ["GUEST": "#FFFFFF", "HOST": "#FFCC00"])
        #expect(try await s.invoke(stage, "getSpeakers") == [])
        let style = fields(try await s.invoke(stage, "getCaptionStyle"))
        #expect(style["__type__"] == "CaptionStyle" && style["__module__"] == "demo")
        #expect(style["margin"] == ["__type__": "Point", "__module__": "demo", "x": 0, "y": 0])
        if case .double(let opacity)? = style["opacity"] { #expect(abs(opacity - 0.85) < 1e-6) } else { Issue.record("opacity: \(String(describing: style["opacity"]))") }

        // Every param given, records, enums, lists and maps included.
        let custom = try await s.element("StageFilter", in: pipeline, [
            "stageName": "panel", "language": "fr", "maxCaptions": 1, "showSpeakerNames": false, "captionOpacity": 0.5,
            "detectionFps": 2, "detectionMode": "ACCURATE", "captionMargin": ["x": 4, "y": 8],
            "speakers": [["id": "ana", "displayName": "Ana", "role": "HOST"]],
            "roleColors": ["HOST": "#000000"],
        ])
        #expect(try await s.invoke(custom, "getDetectionMode") == "ACCURATE")
        #expect(try await s.invoke(custom, "getRoleColors") == ["HOST": "#000000"])
        #expect(try await s.invoke(custom, "getSpeakers") == [[
            "__type__": "Speaker", "__module__": "demo", "id": "ana", "displayName": "Ana", "role": "HOST", "attributes": [:],
        ]])
        #expect(fields(try await s.invoke(custom, "getCaptionStyle"))["margin"] == ["__type__": "Point", "__module__": "demo", "x": 4, "y": 8])
    }
}
