import Testing

/// One construct of the kmd format in, the Swift it becomes out.
@Suite struct SwiftServerSnippetTests {
    @Test func enumBecomesStringBackedEnum() throws {
        try Snippet.expect("""
            "complexTypes": [{"name": "Quality", "typeFormat": "ENUM", "values": ["LOW", "HIGH_DEF", "mp4Video"]}]
            """, file: "ServerTypes", contains: """
            public enum Quality: Swift.String, KurentoEnum, Swift.Hashable, Swift.Codable, Swift.CaseIterable {
                case low = "LOW"
                case highDef = "HIGH_DEF"
                case mp4Video = "mp4Video"

                public static var kurentoTypeName: Swift.String { "Quality" }
            }
            """)
    }

    @Test func recordFieldsRequiredOptionalAndDefaulted() throws {
        let members = """
            "complexTypes": [{"name": "Area", "typeFormat": "REGISTER", "properties": [
              {"name": "width", "type": "int"},
              {"name": "label", "type": "String", "optional": true},
              {"name": "scale", "type": "double", "optional": true, "defaultValue": 1.5}]}]
            """
        try Snippet.expect(members, file: "ServerTypes", contains: """
                public var width: Swift.Int32
                public var label: Swift.String?
                public var scale: Swift.Double

                public init(width _width: Swift.Int32, label _label: Swift.String? = nil, scale _scale: Swift.Double) {
            """)
        try Snippet.expect(members, file: "ServerTypes", contains: """
                    self.init(
                        width: try fields.required("width", Swift.Int32.self),
                        label: try fields.optional("label", Swift.String.self),
                        scale: try fields.optional("scale", Swift.Double.self, default: .double(1.5)),
                    )
            """)
        try Snippet.expect(members, file: "ServerTypes", contains: """
                    var object: [Swift.String: JSON] = ["__type__": .string("Area"), "__module__": .string("snip")]
                    object["width"] = self.width.kurentoJSON
                    if let value = self.label { object["label"] = value.kurentoJSON }
                    object["scale"] = self.scale.kurentoJSON
                    return .object(object)
            """)
    }

    @Test func recordInheritanceFlattensParentFieldsFirst() throws {
        try Snippet.expect("""
            "complexTypes": [
              {"name": "Child", "typeFormat": "REGISTER", "extends": "Base", "properties": [{"name": "own", "type": "boolean"}]},
              {"name": "Base", "typeFormat": "REGISTER", "properties": [{"name": "inherited", "type": "int64"}]}]
            """, file: "ServerTypes", contains: """
            public struct Child: KurentoValue, Swift.Hashable, Swift.Codable {
                public var inherited: Swift.Int64
                public var own: Swift.Bool
            """)
    }

    @Test func eventCarriesInheritedProperties() throws {
        try Snippet.expect("""
            "events": [{"name": "Beeped", "extends": "Media", "properties": [{"name": "pitch", "type": "float"}]}]
            """, file: "ServerEvents", contains: """
            public struct BeepedEvent: KurentoEvent, Swift.Hashable, Swift.Codable {
                public static var eventType: Swift.String { "Beeped" }

                /// The object that raised the event.
                public var source: ObjectReference
                /// When the event was raised, in milliseconds since the Unix epoch, written as a decimal string.
                public var timestampMillis: Swift.String
                /// The tags of the source, when its sendTagsInEvents property is true.
                public var tags: [KurentoPlatform.Tag]
                /// Name of the event.
                public var type: Swift.String
                public var pitch: Swift.Float
            """)
    }

    static let beeper = """
        "remoteClasses": [{"name": "Beeper", "extends": "Filter", "events": ["Beeped"],
          "constructor": {"params": [
            {"name": "mediaPipeline", "type": "MediaPipeline"},
            {"name": "volume", "type": "int", "optional": true, "defaultValue": 5}]},
          "properties": [
            {"name": "tone", "type": "Tone"},
            {"name": "serial", "type": "String", "readOnly": true},
            {"name": "peers", "type": "MediaElement[]", "final": true}],
          "methods": [
            {"name": "beep", "params": [{"name": "times", "type": "int"}, {"name": "to", "type": "MediaElement", "optional": true}]},
            {"name": "history", "params": [], "return": {"type": "Tone[]"}},
            {"name": "counts", "params": [], "return": {"type": "int64<>"}},
            {"name": "partner", "params": [], "return": {"type": "MediaElement"}}]}],
        "complexTypes": [{"name": "Tone", "typeFormat": "ENUM", "values": ["A", "B"]}],
        "events": [{"name": "Beeped", "extends": "Media", "properties": []}]
        """

    @Test func classBecomesProtocolWithInitMethodsAndAccessors() throws {
        try Snippet.expect(Self.beeper, file: "ServerClasses", contains: """
            public protocol Beeper: KurentoPlatform.Filter {
                /// Creates the object; `objectContext` carries its id and delivers its events.
                init(objectContext: ObjectContext, mediaPipeline: any KurentoPlatform.MediaPipeline, volume: Swift.Int32) async throws
                func beep(times: Swift.Int32, to: (any KurentoPlatform.MediaElement)?) async throws
                func history() async throws -> [Tone]
                func counts() async throws -> [Swift.String: Swift.Int64]
                func partner() async throws -> (any KurentoPlatform.MediaElement)?
                func getTone() async throws -> Tone
                func setTone(_ value: Tone) async throws
                func getSerial() async throws -> Swift.String
                func getPeers() async throws -> [any KurentoPlatform.MediaElement]
            }

            extension Beeper {
                /// Sends the event to the subscribers of this object.
                public func emit(_ event: BeepedEvent) {
                    objectContext.emit(event)
                }
            }
            """)
    }

    @Test func glueDispatchesOperationsAndFallsBackToTheParent() throws {
        try Snippet.expect(Self.beeper, file: "ServerGlue", contains: """
                        case "beep":
                            try await object.beep(
                                times: try params.required("times", Swift.Int32.self),
                                to: try params.optionalObject("to", (any KurentoPlatform.MediaElement).self, className: "MediaElement")
                            )
                            return .null
            """)
        try Snippet.expect(Self.beeper, file: "ServerGlue", contains: """
                        case "partner":
                            let result = try await object.partner()
                            return KurentoEncoding.reference(result)
                        case "getTone":
                            let result = try await object.getTone()
                            return result.kurentoJSON
                        case "setTone":
                            try await object.setTone(try params.required("tone", Tone.self))
                            return .null
            """)
        try Snippet.expect(Self.beeper, file: "ServerGlue", contains: """
                        case "getPeers":
                            let result = try await object.getPeers()
                            return KurentoEncoding.references(result)
                        default:
                            return try await KurentoPlatform.FiltersModule.FilterGlue.invoke(target, operation: operation, params: params)
            """.replacingOccurrences(of: "FiltersModule", with: "CoreModule"))
        try Snippet.expect(Self.beeper, file: "ServerGlue", contains: """
                    public static var hierarchy: [Swift.String] { ["kurento.Filter", "kurento.MediaElement", "kurento.MediaObject"] }
            """)
    }

    @Test func factoryDecodesConstructorParamsWithDefaults() throws {
        try Snippet.expect(Self.beeper, file: "ServerModule", contains: """
                        RemoteObjectFactory(glue: BeeperGlue.self, parentParameter: "mediaPipeline") { context, params in
                            try await beeperType.init(
                                objectContext: context,
                                mediaPipeline: try params.object("mediaPipeline", (any KurentoPlatform.MediaPipeline).self, className: "MediaPipeline"),
                                volume: try params.optional("volume", Swift.Int32.self, default: .int(5))
                            )
                        },
            """)
    }

    @Test func abstractClassHasNoInitAndNoFactory() throws {
        let members = """
            "remoteClasses": [{"name": "Shape", "extends": "MediaElement", "abstract": true, "properties": [], "methods": []}]
            """
        try Snippet.expect(members, file: "ServerClasses", contains: """
            public protocol Shape: KurentoPlatform.MediaElement {
            }
            """)
        try Snippet.expect(members, file: "ServerModule", contains: """
                public var factories: [RemoteObjectFactory] {
                    return [
                    ]
                }
            """)
        try Snippet.expect(members, file: "ServerModule", contains: """
                public static let loadable = SnipModule()
            """)
    }
}
