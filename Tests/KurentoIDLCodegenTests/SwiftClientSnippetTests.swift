import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Snippet tests of the swift-client target: a kmd fragment in module `snip`, the expected Swift fragment in
/// one generated file.
@Suite struct SwiftClientSnippetTests {
    static let blur = """
        "remoteClasses": [{ "name": "Blur", "extends": "Filter", "doc": "Blurs.",
          "constructor": { "params": [
            { "name": "mediaPipeline", "type": "MediaPipeline", "doc": "The pipeline." },
            { "name": "radius", "type": "int", "optional": true, "defaultValue": 3 } ] },
          "properties": [ { "name": "strength", "type": "double" }, { "name": "frames", "type": "int64", "readOnly": true } ],
          "methods": [
            { "name": "follow", "params": [ { "name": "target", "type": "MediaElement" },
                                            { "name": "mode", "type": "MediaType", "optional": true } ],
              "return": { "type": "MediaElement" } },
            { "name": "peers", "params": [], "return": { "type": "MediaElement[]" } },
            { "name": "release", "params": [] } ],
          "events": ["Blurred", "ElementConnected"] }],
        "events": [{ "name": "Blurred", "extends": "Media", "properties": [ { "name": "level", "type": "int" } ] }]
        """

    @Test func createOmitsNilOptionalParams() throws {
        try ClientSnippet.expect(Self.blur, file: "ClientClasses", contains: """
            open class Blur: KurentoPlatformClient.Filter, @unchecked Swift.Sendable {
                open override class var kurentoTypeName: Swift.String { "Blur" }
                open override class var kurentoQualifiedType: Swift.String { "snip.Blur" }

                /// Creates a `Blur` on the server.
                /// - Parameter mediaPipeline: The pipeline.
                public static func create(
                    _ client: KurentoClient,
                    mediaPipeline _mediaPipeline: KurentoPlatformClient.MediaPipeline,
                    radius _radius: Swift.Int32? = nil
                ) async throws -> Self {
                    SnipClientModule.register()
                    var params: [Swift.String: JSON] = [:]
                    params["mediaPipeline"] = _mediaPipeline.kurentoReference
                    if let _radius { params["radius"] = _radius.kurentoJSON }
                    return try await kurentoCreate(client, params)
                }
            """)
        try ClientSnippet.expect(Self.blur, file: "ClientClasses", contains: """
                /// `create` as an operation of a transaction: the proxy's id is `newref:<n>` until the commit.
                public static func create(
                    _ transaction: KurentoTransaction,
                    mediaPipeline _mediaPipeline: KurentoPlatformClient.MediaPipeline,
                    radius _radius: Swift.Int32? = nil
                ) -> Self {
            """)
    }

    @Test func objectParamsAndResults() throws {
        try ClientSnippet.expect(Self.blur, file: "ClientClasses", contains: """
                public func follow(
                    target _target: KurentoPlatformClient.MediaElement,
                    mode _mode: KurentoPlatformClient.MediaType? = nil
                ) async throws -> KurentoPlatformClient.MediaElement? {
                    var params: [Swift.String: JSON] = [:]
                    params["target"] = _target.kurentoReference
                    if let _mode { params["mode"] = _mode.kurentoJSON }
                    let result = try await kurentoInvoke("follow", params)
                    return try await kurentoObject(result, KurentoPlatformClient.MediaElement.self, "follow")
                }
            """)
        try ClientSnippet.expect(Self.blur, file: "ClientClasses", contains: """
                public func peers() async throws -> [KurentoPlatformClient.MediaElement] {
                    let result = try await kurentoInvoke("peers", nil)
                    return try await kurentoObjects(result, KurentoPlatformClient.MediaElement.self, "peers")
                }

                /// `peers` as an operation of a transaction: its result is known after the commit.
                @discardableResult
                public func peers(_ transaction: KurentoTransaction) -> TransactionResult<[KurentoPlatformClient.MediaElement]> {
                    return kurentoInvoke(transaction, "peers", nil) { [client = self.client] json in try KurentoProxy.kurentoObjects(json, KurentoPlatformClient.MediaElement.self, client: client, "peers") }
                }
            """)
    }

    @Test func propertyAccessors() throws {
        let output = try ClientSnippet.generate(Self.blur, file: "ClientClasses")
        #expect(output.contains("""
                public func getStrength() async throws -> Swift.Double {
                    let result = try await kurentoInvoke("getStrength", nil)
                    return try KurentoProxy.kurentoDecode(result, Swift.Double.self, "getStrength")
                }
            """))
        #expect(output.contains("""
                /// Sets `strength`.
                public func setStrength(_ value: Swift.Double) async throws {
                    var params: [Swift.String: JSON] = [:]
                    params["strength"] = value.kurentoJSON
                    _ = try await kurentoInvoke("setStrength", params)
                }
            """))
        #expect(output.contains("public func getFrames() async throws -> Swift.Int64 {"))
        #expect(!output.contains("setFrames"), "a read-only property has no setter")
    }

    @Test func eventsAndInheritedNames() throws {
        let classes = try ClientSnippet.generate(Self.blur, file: "ClientClasses")
        #expect(classes.contains("""
                /// `Blurred` events of this object: subscribed when iteration starts, unsubscribed when it ends.
                public var blurred: KurentoEvents<BlurredEvent> { events(BlurredEvent.self) }
            """))
        #expect(!classes.contains("var elementConnected"), "an event an ancestor declares is inherited")
        #expect(classes.contains("public func release_() async throws {"), "a method named like a proxy member is renamed")
        try ClientSnippet.expect(Self.blur, file: "ClientModule", contains: """
            public enum SnipClientModule {
                public static let classes: [KurentoProxy.Type] = [
                    Blur.self,
                ]
            """)
        try ClientSnippet.expect(Self.blur, file: "ClientModule", contains: "extension BlurredEvent: KurentoEventDecodable {}")
    }

    @Test func valueTypesAreTheServers() throws {
        let members = """
            "complexTypes": [
              { "name": "Corner", "typeFormat": "ENUM", "values": ["TOP_LEFT", "BOTTOM_RIGHT"] },
              { "name": "Box", "typeFormat": "REGISTER", "properties": [
                { "name": "corner", "type": "Corner" }, { "name": "owner", "type": "MediaElement", "optional": true } ] } ]
            """
        let client = try ClientSnippet.generate(members, file: "ClientTypes")
        let server = try Snippet.generate(members, file: "ServerTypes")
        let body = { (text: String) in text.components(separatedBy: "\n").filter { !$0.hasPrefix("import ") && !$0.hasPrefix("//") } }
        #expect(body(client) == body(server).map { $0.replacingOccurrences(of: "KurentoPlatform.", with: "KurentoPlatformClient.") })
        #expect(client.contains("import KurentoPlatformClient"))
        #expect(client.contains("public var owner: ObjectReference?"))
    }

    @Test func eventsHaveNoServerInit() throws {
        let events = try ClientSnippet.generate(Self.blur, file: "ClientEvents")
        #expect(events.contains("public struct BlurredEvent: KurentoEvent, Swift.Hashable, Swift.Codable {"))
        #expect(!events.contains("any RemoteObject"), "the server's convenience init takes a served object")
    }

    @Test func packageAccess() throws {
        let output = try ClientSnippet.generate(Self.blur, file: "ClientClasses", access: .package)
        #expect(output.contains("package class Blur: KurentoPlatformClient.Filter, @unchecked Swift.Sendable {"))
        #expect(output.contains("    package override class var kurentoTypeName: Swift.String { \"Blur\" }"))
        #expect(output.contains("    package func peers() async throws"))
    }

    @Test func swiftModuleOverrideNamesTheClientModule() throws {
        let output = try ClientSnippet.generate(Self.blur, file: "ClientClasses", swiftModules: ["core": "Core"])
        #expect(output.contains("import CoreClient"))
        #expect(output.contains("mediaPipeline _mediaPipeline: CoreClient.MediaPipeline"))
    }
}

/// Generates swift-client code for module `snip` (checked against the project's platform modules, with no
/// diagnostic allowed) and returns one file.
enum ClientSnippet {
    static func generate(_ members: String, file suffix: String, access: AccessLevel = .public,
                         swiftModules: [String: String] = [:]) throws -> String {
        let folder = try Paths.temporaryFolder("client-snippet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            {"name": "snip", "version": "1.0.0", "kurentoVersion": "^1.0.0", \(members)}
            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("snip.kmd.json"))
        let platform = [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")]
        let result = Frontend(inputs: [folder.path], searchPaths: platform).run()
        if !result.diagnostics.all.isEmpty {
            throw Snippet.Failure(description: "unexpected diagnostics:\n" + result.diagnostics.all.map(\.description).joined(separator: "\n"))
        }
        let options = GenerationOptions(targets: [.swiftClient], access: access, swiftModules: swiftModules)
        let files = try Generator.generate(try #require(result.schema), options: options)
        return try #require(files.first { $0.path == "Snip\(suffix).swift" }).contents
    }

    static func expect(_ members: String, file suffix: String, contains fragment: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let output = try generate(members, file: suffix)
        #expect(output.contains(fragment), "expected in Snip\(suffix).swift:\n\(fragment)\n--- got:\n\(output)",
                sourceLocation: sourceLocation)
    }
}
