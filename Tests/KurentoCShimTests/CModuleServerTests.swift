import Foundation
import KurentoDemo
import KurentoPlatform
import KurentoRuntime
import KurentoServer
import Testing

/// idl/demo implemented in C (Fixtures/demo_impl.c), built as a shared library, found on the module path by
/// the ModuleManager and served by the dispatcher like a Swift module. Serialized: the tests count the C
/// objects alive in the library.
@Suite(.serialized, .enabled(if: CToolchain.hasJSONC, "\(CToolchain.missingJSONC)"))
struct CModuleServerTests {
    @Test func theLibraryIsLoaded() throws {
        let server = try CServer()
        let path = try CModuleBuilds.demoLibraryFolder.get().appendingPathComponent("libkmsdemo.so").path
        let entry = try #require(server.core.loadReport.entries.first { $0.source == path })
        #expect(entry.outcome == .loaded(name: "demo", version: "1.0.0", factories: ["CaptionFeed", "LogoOverlay", "StageFilter"]))
        let module = try #require(server.core.modules.module(named: "demo"))
        #expect(module.kmd.contains("\"StageFilter\""))
        #expect(server.core.modules.factory(named: "demo.StageFilter") != nil)
    }

    /// The server manager knows the C module as any other: `getKmd` and `info.modules`.
    @Test func serverManagerListsIt() async throws {
        let server = try CServer()
        let module = try #require(server.core.modules.module(named: "demo"))
        let kmd = try await server.invoke("manager_ServerManager", "getKmd", ["moduleName": "demo"])
        #expect(kmd == .string(module.kmd))
        let info = try await server.invoke("manager_ServerManager", "getInfo")
        let demo = info["modules"]?.arrayValue?.first { $0["name"] == "demo" }
        #expect(demo?["factories"]?.arrayValue?.contains("StageFilter") == true)
    }

    /// `describe` and the events a class may emit: the same as the generated Swift glue says.
    @Test func describeMatchesTheSwiftGlue() async throws {
        let server = try CServer()
        let (pipeline, filter) = try await server.stageFilter()
        #expect(filter.hasPrefix(pipeline + "/") && filter.hasSuffix("_demo.StageFilter"))
        let description = try server.dispatcher.describe(object: filter, session: server.session)
        #expect(description.type == "StageFilter" && description.qualifiedType == "demo.StageFilter")
        #expect(description.hierarchy == DemoModule.StageFilterGlue.hierarchy)
        let glue = try #require(server.dispatcher.registry.glue(of: filter))
        #expect(glue.eventTypes == DemoModule.StageFilterGlue.eventTypes)
        #expect(glue.moduleName == "demo")
        let error = await kurentoError { try server.dispatcher.subscribe(object: filter, type: "EndOfStream", session: server.session) }
        #expect(error?.code == 40106)
        await server.dispatcher.release(pipeline)
    }

    @Test func createInvokePropertiesRelease() async throws {
        let server = try CServer()
        let before = try CServer.liveCObjects()
        let (pipeline, filter) = try await server.stageFilter(["detectionMode": "ACCURATE"])
        #expect(try CServer.liveCObjects() == before + 1)
        #expect(try await server.invoke(filter, "getStageName") == "Main")
        #expect(try await server.invoke(filter, "getDetectionMode") == "ACCURATE")
        #expect(try await server.invoke(filter, "setDetectionMode", ["detectionMode": "OFF"]) == .null)
        #expect(try await server.invoke(filter, "getDetectionMode") == "OFF")
        #expect(try await server.invoke(filter, "setFaceThreshold", ["faceThreshold": 3]) == .null)
        #expect(try await server.invoke(filter, "getFaceThreshold") == 3)
        let style: JSON = ["fontFamily": "serif", "fontSize": 30, "bold": true, "opacity": 0.5, "anchor": "TOP", "margin": ["x": 1, "y": 2]]
        #expect(try await server.invoke(filter, "setCaptionStyle", ["captionStyle": style]) == .null)
        let got = try await server.invoke(filter, "getCaptionStyle")
        #expect(got == ["__type__": "CaptionStyle", "__module__": "demo", "fontFamily": "serif", "fontSize": 30, "bold": true,
                        "opacity": 0.5, "anchor": "TOP", "margin": ["__type__": "Point", "__module__": "demo", "x": 1, "y": 2]])
        // The record as the Swift types decode it.
        #expect(try CaptionStyle(kurento: got, path: .parameter("x"), resolver: NoObjects()).margin == Point(x: 1, y: 2))
        #expect(try await server.invoke(filter, "getProcessedFrames") == .int(0))
        let faces = try await server.invoke(filter, "listFaces")
        #expect(try [FaceBox](kurento: faces, path: .parameter("x"), resolver: NoObjects()).first?.faceId == 9007199254740993)
        // A double written as 2.5 by C stays a double on the way out.
        #expect(try await server.invoke(filter, "measureLatency") == .double(2.5))
        await server.dispatcher.release(pipeline)
        #expect(try CServer.liveCObjects() == before, "releasing the pipeline destroys the C object in it")
        let gone = await kurentoError { try await server.invoke(filter, "getStageName") }
        #expect(gone?.code == 40101)
    }

    /// Operations of Swift ancestors (MediaObject, MediaElement) are served by the platform's implementation.
    @Test func inheritedOperations() async throws {
        let server = try CServer()
        let (pipeline, filter) = try await server.stageFilter()
        #expect(try await server.invoke(filter, "getName") == .string(filter))
        _ = try await server.invoke(filter, "setName", ["name": "stage"])
        #expect(try await server.invoke(filter, "getName") == "stage")
        _ = try await server.invoke(filter, "addTag", ["key": "k", "value": "v"])
        #expect(try await server.invoke(filter, "getTag", ["key": "k"]) == "v")
        #expect(try await server.invoke(filter, "getMediaPipeline") == .string(pipeline))
        // Connections with Swift elements, both ways.
        let passThrough = try await server.create("PassThrough", ["mediaPipeline": .string(pipeline)])
        _ = try await server.invoke(filter, "connect", ["sink": .string(passThrough)])
        _ = try await server.invoke(passThrough, "connect", ["sink": .string(filter)])
        let sinks = try await server.invoke(filter, "getSinkConnections")
        #expect(sinks.arrayValue?.count == 3 && sinks.arrayValue?.allSatisfy { $0["sink"] == .string(passThrough) } == true)
        let unknown = await kurentoError { try await server.invoke(filter, "noSuchThing") }
        #expect(unknown == .malformedTransaction("Method 'noSuchThing' with 0 parameters not found"))
        await server.dispatcher.release(pipeline)
    }

    /// An event emitted by C code reaches the subscribed session, with the source's tags when it asks for them.
    @Test func eventsFromCReachSubscribers() async throws {
        let server = try CServer()
        let (pipeline, filter) = try await server.stageFilter()
        _ = try server.dispatcher.subscribe(object: filter, type: "CaptionShown", session: server.session)
        _ = try await server.invoke(filter, "setSendTagsInEvents", ["sendTagsInEvents": true])
        _ = try await server.invoke(filter, "addTag", ["key": "room", "value": "A"])
        let id = try await server.invoke(filter, "showCaption", ["caption": ["text": "Hi", "keywords": ["a"]]])
        #expect(id == "caption-1")
        let events = server.events.of(type: "CaptionShown")
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.object == filter)
        #expect(event.data["source"] == .string(filter) && event.data["captionId"] == "caption-1" && event.data["type"] == "CaptionShown")
        #expect(event.data["tags"] == [["key": "room", "value": "A", "__type__": "Tag", "__module__": "kurento"]])
        let decoded = try CaptionShownEvent(kurento: event.data, resolver: NoObjects())
        #expect(decoded.caption.text == "Hi" && decoded.caption.durationMillis == 4000 && decoded.anchor == .bottom)
        // Not subscribed: not delivered.
        _ = try await server.invoke(filter, "setFaceThreshold", ["faceThreshold": 1])
        _ = try await server.invoke(filter, "listFaces")
        #expect(server.events.of(type: "FaceCountExceeded").isEmpty)
        await server.dispatcher.release(pipeline)
    }

    /// An object param is checked by the host as the Swift glue checks it, then found by C (`_lookup`).
    @Test func objectParams() async throws {
        let server = try CServer()
        let (pipeline, filter) = try await server.stageFilter()
        let feed = try await server.create("CaptionFeed", ["mediaPipeline": .string(pipeline), "language": "es"])
        #expect(try await server.invoke(feed, "getLanguage") == "es")
        _ = try await server.invoke(feed, "push", ["caption": ["text": "x"]])
        #expect(try await server.invoke(feed, "getPendingCaptions") == 1)
        #expect(try await server.invoke(filter, "linkFeed", ["feed": .string(feed)]) == .null)
        #expect(try await server.invoke(feed, "getPendingCaptions") == 0, "C found the feed object and changed it")
        let wrongClass = await kurentoError { try await server.invoke(filter, "linkFeed", ["feed": .string(pipeline)]) }
        #expect(wrongClass == .marshall("'feed' parameter should be a CaptionFeed, but '\(pipeline)' is not"))
        let missing = await kurentoError { try await server.invoke(filter, "linkFeed", ["feed": "nope"]) }
        #expect(missing == .objectNotFound("Object 'nope' not found"))
        let media = await kurentoError { try await server.invoke(filter, "linkFeed", ["feed": .string(feed), "mediaType": "AUDIO"]) }
        #expect(media == .unsupportedMediaType("DATA only"))
        let noPipeline = await kurentoError { try await server.create("CaptionFeed", ["mediaPipeline": .string(filter)]) }
        #expect(noPipeline == .marshall("'mediaPipeline' parameter should be a MediaPipeline, but '\(filter)' is not"))
        await server.dispatcher.release(pipeline)
    }

    /// Errors of the C code: module codes (type UNDEFINED), NOT_IMPLEMENTED for what the author left out,
    /// UNEXPECTED_ERROR for a failure without a code.
    @Test func errorsFromC() async throws {
        let server = try CServer()
        let (pipeline, filter) = try await server.stageFilter()
        let negative = await kurentoError { try await server.invoke(filter, "setFaceThreshold", ["faceThreshold": -1]) }
        #expect(negative == .custom(code: 49002, "faceThreshold -1 is negative"))
        let history = await kurentoError { try await server.invoke(filter, "getCaptionHistory") }
        #expect(history == .notImplemented("StageFilter.getCaptionHistory is not implemented"))
        let latency = await kurentoError { try await server.invoke(filter, "measureLatency", ["samples": 0]) }
        #expect(latency == .unexpected("StageFilter.measureLatency failed"))
        let logo = await kurentoError { try await server.create("LogoOverlay", ["mediaPipeline": .string(pipeline), "imageUri": "x"]) }
        #expect(logo == .notImplemented("LogoOverlay is not implemented"))
        let ctor = await kurentoError { try await server.stageFilter(["maxCaptions": -1]) }
        #expect(ctor == .custom(code: 49001, "maxCaptions must not be negative"))
        await server.dispatcher.release(pipeline)
    }

    /// Malformed params: the C marshalling reports exactly what the generated Swift glue reports for the same
    /// JSON (decoded here with the generated Swift types of idl/demo).
    @Test(arguments: CModuleServerTests.malformed)
    func malformedParamsMatchTheSwiftGlue(_ testCase: Malformed) async throws {
        let server = try CServer()
        let (pipeline, filter) = try await server.stageFilter()
        defer { Task { await server.dispatcher.release(pipeline) } }
        let fromC = await kurentoError { try await server.invoke(filter, testCase.operation, testCase.params) }
        let fields = try JSONFields(params: testCase.params, container: "operationParams", resolver: NoObjects())
        let fromSwift: KurentoError?
        do {
            try testCase.swiftDecode(fields)
            fromSwift = nil
        } catch {
            fromSwift = error
        }
        #expect(fromSwift != nil)
        #expect(fromC == fromSwift)
    }

    struct Malformed: Sendable, CustomStringConvertible {
        var operation: String
        var params: JSON
        var swiftDecode: @Sendable (JSONFields) throws(KurentoError) -> Void
        var description: String { "\(operation) \(params.text)" }
    }

    static let malformed: [Malformed] = [
        .init(operation: "setFaceThreshold", params: [:]) { f throws(KurentoError) in _ = try f.required("faceThreshold", Int32.self) },
        .init(operation: "setFaceThreshold", params: ["faceThreshold": "3"]) { f throws(KurentoError) in _ = try f.required("faceThreshold", Int32.self) },
        .init(operation: "setFaceThreshold", params: ["faceThreshold": 4_000_000_000]) { f throws(KurentoError) in
            _ = try f.required("faceThreshold", Int32.self)
        },
        .init(operation: "setOverlayEnabled", params: ["overlayEnabled": 1]) { f throws(KurentoError) in _ = try f.required("overlayEnabled", Bool.self) },
        .init(operation: "setDetectionMode", params: ["detectionMode": "SLOW"]) { f throws(KurentoError) in
            _ = try f.required("detectionMode", DetectionMode.self)
        },
        .init(operation: "setRoleColors", params: ["roleColors": ["HOST": 1]]) { f throws(KurentoError) in
            _ = try f.required("roleColors", [String: String].self)
        },
        .init(operation: "setRoleColors", params: ["roleColors": ["a", "b"]]) { f throws(KurentoError) in
            _ = try f.required("roleColors", [String: String].self)
        },
        .init(operation: "setCaptionStyle", params: ["captionStyle": ["fontSize": "big"]]) { f throws(KurentoError) in
            _ = try f.required("captionStyle", CaptionStyle.self)
        },
        .init(operation: "setCaptionStyle", params: ["captionStyle": ["margin": ["x": 1]]]) { f throws(KurentoError) in
            _ = try f.required("captionStyle", CaptionStyle.self)
        },
        .init(operation: "showCaption", params: ["caption": ["text": "x", "speaker": ["id": "a"]]]) { f throws(KurentoError) in
            _ = try f.required("caption", Caption.self)
        },
        .init(operation: "showCaption", params: ["caption": ["text": "x", "keywords": ["a", 2]]]) { f throws(KurentoError) in
            _ = try f.required("caption", Caption.self)
        },
        .init(operation: "showCaption", params: ["caption": "x"]) { f throws(KurentoError) in _ = try f.required("caption", Caption.self) },
        .init(operation: "addSpeaker", params: ["speaker": ["id": "a", "displayName": "A", "role": "BOSS"]]) { f throws(KurentoError) in
            _ = try f.required("speaker", Speaker.self)
        },
        .init(operation: "showText", params: ["text": "t", "durationMillis": 1.5]) { f throws(KurentoError) in
            _ = try f.required("text", String.self)
            _ = try f.optional("speakerId", String.self, default: .string(""))
            _ = try f.optional("durationMillis", Int32.self, default: .int(4000))
        },
        .init(operation: "linkFeed", params: ["feed": 3]) { f throws(KurentoError) in _ = try f.required("feed", String.self) },
        .init(operation: "linkFeed", params: ["feed": .null]) { f throws(KurentoError) in _ = try f.required("feed", String.self) },
    ]
}
