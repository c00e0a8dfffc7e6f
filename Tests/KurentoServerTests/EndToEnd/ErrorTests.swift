import KurentoRuntime
import KurentoServer
import Testing

/// Every error path of the object layer, with Kurento's code, type and message (reference §6.2–§6.5).
@Suite struct ErrorTests {
    struct Fixture {
        let server = makeDemoServer()
        let s: TestSession
        let pipeline: String
        let stage: String

        init() async throws {
            s = TestSession(server)
            pipeline = try await s.pipeline()
            stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "main"])
        }
    }

    @Test func unknownType() async throws {
        let f = try await Fixture()
        for type in ["ChromaFilter", "demo.ChromaFilter", "kurento.StageFilter", "OverlayBase", "MediaElement", "ServerManager"] {
            await expectKurentoError(40108, "MEDIA_OBJECT_NOT_AVAILABLE", "Factory '\(type)' not found") {
                _ = try await f.s.create(type, ["mediaPipeline": .string(f.pipeline)])
            }
        }
    }

    @Test func unknownObject() async throws {
        let f = try await Fixture()
        let ghost = "\(f.pipeline)/00000000-0000-0000-0000-000000000000_demo.StageFilter"
        let message = "Object '\(ghost)' not found"
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", message) { try await f.s.invoke(ghost, "getName") }
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", message) { _ = try f.s.describe(ghost) }
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", message) { try f.s.subscribe(ghost, "CaptionShown") }
        // As a constructor's parent, and as a param.
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", "Object 'gone' not found") {
            _ = try await f.s.create("PassThrough", ["mediaPipeline": "gone"])
        }
        await expectKurentoError(40101, "MEDIA_OBJECT_NOT_FOUND", message) {
            try await f.s.invoke(f.stage, "linkFeed", ["feed": .string(ghost)])
        }
    }

    @Test func unknownMethod() async throws {
        let f = try await Fixture()
        await expectKurentoError(40008, "MALFORMED_TRANSACTION", "Method 'fly' with 0 parameters not found") {
            try await f.s.invoke(f.stage, "fly")
        }
        await expectKurentoError(40008, "MALFORMED_TRANSACTION", "Method 'fly' with 2 parameters not found") {
            try await f.s.invoke(f.stage, "fly", ["high": true, "far": 3])
        }
        // A method of a subclass is unknown to its parent class's objects.
        await expectKurentoError(40008, "MALFORMED_TRANSACTION", "Method 'showText' with 1 parameters not found") {
            try await f.s.invoke(f.pipeline, "showText", ["text": "x"])
        }
    }

    @Test func missingParam() async throws {
        let f = try await Fixture()
        await expectKurentoError(40001, "MARSHALL_ERROR", "'stageName' parameter is required") {
            _ = try await f.s.create("StageFilter", ["mediaPipeline": .string(f.pipeline)])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'mediaPipeline' parameter is required") {
            _ = try await f.s.create("StageFilter", ["stageName": "main"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'text' parameter is required") {
            try await f.s.invoke(f.stage, "showText")
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'caption' parameter is required") {
            try await f.s.invoke(f.stage, "showCaption", ["caption": nil])
        }
        // A required field of a record.
        await expectKurentoError(40001, "MARSHALL_ERROR", "'displayName' property is required") {
            try await f.s.invoke(f.stage, "addSpeaker", ["speaker": ["id": "ana"]])
        }
    }

    @Test func wrongParamType() async throws {
        let f = try await Fixture()
        await expectKurentoError(40001, "MARSHALL_ERROR", "'stageName' parameter should be a string") {
            _ = try await f.s.create("StageFilter", ["mediaPipeline": .string(f.pipeline), "stageName": 7])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'mediaPipeline' parameter should be a string") {
            _ = try await f.s.create("StageFilter", ["mediaPipeline": 7, "stageName": "main"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'samples' parameter should be an integer") {
            try await f.s.invoke(f.stage, "measureLatency", ["samples": "many"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'samples' parameter should be an integer") {
            try await f.s.invoke(f.stage, "measureLatency", ["samples": 1.5])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'overlayEnabled' parameter should be a boolean") {
            try await f.s.invoke(f.stage, "setOverlayEnabled", ["overlayEnabled": "yes"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'captionStyle' parameter should be an object") {
            try await f.s.invoke(f.stage, "setCaptionStyle", ["captionStyle": "bold"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'x' property should be an integer") {
            try await f.s.invoke(f.stage, "setCaptionStyle", ["captionStyle": ["margin": ["x": "left", "y": 0]]])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "'operationParams' should be an object") {
            try await f.s.invoke(f.stage, "showText", ["text", "hello"])
        }
        // A parent of the wrong class.
        await expectKurentoError(40001, "MARSHALL_ERROR", "'mediaPipeline' parameter should be a MediaPipeline, but '\(f.stage)' is not") {
            _ = try await f.s.create("PassThrough", ["mediaPipeline": .string(f.stage)])
        }
    }

    @Test func invalidEnumValue() async throws {
        let f = try await Fixture()
        await expectKurentoError(40001, "MARSHALL_ERROR", "Invalid value for 'DetectionMode'") {
            try await f.s.invoke(f.stage, "setDetectionMode", ["detectionMode": "PSYCHIC"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "Invalid value for 'CaptionAnchor'") {
            try await f.s.invoke(f.stage, "showText", ["text": "x", "anchor": "bottom"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "Invalid value for 'MediaType'") {
            try await f.s.invoke(f.stage, "getSourceConnections", ["mediaType": "SMELL"])
        }
        await expectKurentoError(40001, "MARSHALL_ERROR", "Invalid value for 'SpeakerRole'") {
            _ = try await f.s.create("StageFilter", ["mediaPipeline": .string(f.pipeline), "stageName": "x",
                                                     "speakers": [["id": "a", "displayName": "A", "role": "VILLAIN"]]])
        }
    }

    @Test func eventNotSupported() async throws {
        let f = try await Fixture()
        await expectKurentoError(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event 'EndOfStream' not supported") {
            try f.s.subscribe(f.stage, "EndOfStream")
        }
        await expectKurentoError(40106, "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", "Event 'ObjectCreated' not supported") {
            try f.s.subscribe(f.pipeline, "ObjectCreated")
        }
    }

    @Test func newrefOutsideATransaction() async throws {
        let f = try await Fixture()
        await expectKurentoError(40109, "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT") {
            _ = try await f.s.create("PassThrough", ["mediaPipeline": "newref:0"])
        }
        await expectKurentoError(40109, "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT") {
            try await f.s.invoke("newref:1", "getName")
        }
        await expectKurentoError(40109, "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT") {
            try await f.s.invoke(f.stage, "linkFeed", ["feed": "newref:2"])
        }
        await expectKurentoError(40109, "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT") { _ = try f.s.describe("newref:3") }
        await expectKurentoError(40109, "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT") { try f.s.subscribe("newref:4", "Error") }
        await expectKurentoError(40109, "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT") { try f.s.dispatcher.ref("newref:5", session: f.s.id) }
    }

    @Test func invalidSession() async throws {
        let f = try await Fixture()
        await expectKurentoError(40007, "INVALID_SESSION") { try f.s.dispatcher.keepAlive(session: "0b5a9b0e-0000-4000-8000-000000000000") }
    }

    @Test func errorsRaisedByImplementations() async throws {
        let f = try await Fixture()
        await expectKurentoError(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", "'maxCaptions' must be positive") {
            _ = try await f.s.create("StageFilter", ["mediaPipeline": .string(f.pipeline), "stageName": "x", "maxCaptions": 0])
        }
        await expectKurentoError(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", "Speaker 'nobody' is not registered") {
            try await f.s.invoke(f.stage, "showText", ["text": "x", "speakerId": "nobody"])
        }
        await expectKurentoError(40107, "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR") {
            _ = try await f.s.create("GStreamerFilter", ["mediaPipeline": .string(f.pipeline), "command": " "])
        }
        // A failed create leaves nothing behind.
        #expect(f.server.dispatcher.registry.count == 3)
    }
}
