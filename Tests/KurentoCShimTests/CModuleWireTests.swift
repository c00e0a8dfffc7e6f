import Foundation
import KurentoRuntime
import Testing

/// The C module over the Kurento protocol on a real WebSocket: the same messages a Kurento client exchanges
/// with a Swift module.
extension CModuleServerTests {
    @Test func overTheWire() async throws {
        let server = try CServer()
        try await WireConversation.run(core: server.core) { wire in
            let pipeline = try await wire.result("create", ["type": "MediaPipeline", "constructorParams": [:]])["value"]
            let filter = try await wire.result("create", ["type": "demo.StageFilter",
                                                           "constructorParams": ["mediaPipeline": pipeline ?? .null, "stageName": "Wire"]])["value"]
            let id = try #require(filter?.stringValue)
            let described = try await wire.result("describe", ["object": .string(id)])
            #expect(described["qualifiedType"] == "demo.StageFilter")
            #expect(described["hierarchy"] == ["demo.OverlayBase", "kurento.Filter", "kurento.MediaElement", "kurento.MediaObject"])
            let subscription = try await wire.result("subscribe", ["object": .string(id), "type": "CaptionShown"])["value"]
            #expect(subscription?.stringValue != nil)
            let shown = try await wire.result("invoke", ["object": .string(id), "operation": "showCaption",
                                                          "operationParams": ["caption": ["text": "over the wire"]]])
            #expect(shown["value"] == "caption-1")
            let event = try #require(try await wire.notification())
            #expect(event["params"]?["value"]?["type"] == "CaptionShown")
            #expect(event["params"]?["value"]?["object"] == .string(id))
            #expect(event["params"]?["value"]?["data"]?["caption"]?["text"] == "over the wire")
            let get = try await wire.result("invoke", ["object": .string(id), "operation": "getStageName"])
            #expect(get["value"] == "Wire")
            let failure = try await wire.call("invoke", ["object": .string(id), "operation": "setFaceThreshold",
                                                         "operationParams": ["faceThreshold": "many"]])
            #expect(failure["error"]?["code"] == 40001)
            #expect(failure["error"]?["message"] == "'faceThreshold' parameter should be an integer")
            #expect(failure["error"]?["data"]?["type"] == "MARSHALL_ERROR")
            let custom = try await wire.call("invoke", ["object": .string(id), "operation": "setFaceThreshold",
                                                        "operationParams": ["faceThreshold": -2]])
            #expect(custom["error"]?["code"] == 49002 && custom["error"]?["data"]?["type"] == "UNDEFINED")
            _ = try await wire.result("release", ["object": pipeline ?? .null])
            let gone = try await wire.call("invoke", ["object": .string(id), "operation": "getStageName"])
            #expect(gone["error"]?["code"] == 40101)
        }
    }
}
