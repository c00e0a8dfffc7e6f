/// The names `kidlc init NAME` derives from NAME, and the check that NAME can be all of them: the kmd class
/// (`NAME`, first letter capitalized), the kmd module (`NAME` lowercased), the Swift package and targets
/// (`NAME`, `NAMEServer`, `NAMEClient`, `NAMETests`) and the names kidlc generates from them.
public struct ScaffoldNames: Sendable, Hashable {
    /// The kmd class and the package: `ChromaKey`.
    public let className: String
    /// The kmd module: `chromakey`.
    public let module: String

    public var kmdFile: String { "\(className).kmd.json" }
    public var serverTarget: String { "\(className)Server" }
    public var clientTarget: String { "\(className)Client" }
    public var testTarget: String { "\(className)Tests" }
    public var implementation: String { "\(className)Impl" }
    /// The event the starter class raises, and its generated Swift struct.
    public var event: String { "\(className)Marked" }
    public var eventType: String { "\(event)Event" }
    /// The generated module types (server and client) and the server module's init label.
    public var moduleType: String { SwiftNaming.upperCamel(module) + "Module" }
    public var clientModuleType: String { SwiftNaming.upperCamel(module) + "ClientModule" }
    public var implementationLabel: String { SwiftNaming.rawMemberName(className) + "Type" }

    /// The longest NAME accepted (it becomes file, target and type names).
    static let maxLength = 48

    public init(_ name: String) throws(ScaffoldError) {
        guard !name.isEmpty else { throw ScaffoldError("the package name is empty; give a name such as 'ChromaKey'") }
        let scalars = Array(name.unicodeScalars)
        guard scalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }),
              scalars[0].properties.isAlphabetic else {
            throw ScaffoldError("'\(name)' is not a valid name: use ASCII letters and digits, starting with a letter (it names the package folder, Swift targets and the kmd class), e.g. 'ChromaKey'")
        }
        guard name.count <= Self.maxLength else {
            throw ScaffoldError("'\(name)' is longer than \(Self.maxLength) characters")
        }
        if let keyword = [name, name.lowercased()].first(where: SwiftNaming.keywords.contains) {
            throw ScaffoldError("'\(name)' cannot be used: '\(keyword)' is a Swift keyword; choose another name")
        }
        className = name.prefix(1).uppercased() + name.dropFirst()
        module = name.lowercased()
        let swiftName = SwiftNaming.typeName(className)
        guard swiftName == className else {
            throw ScaffoldError("'\(name)' would be spelled '\(swiftName)' in generated Swift code; use '\(swiftName)'")
        }
        if let reason = Self.clash(className: className, module: module) {
            throw ScaffoldError("'\(name)' cannot be used: \(reason); choose another name")
        }
    }

    /// Why the derived names cannot be used, or nil.
    static func clash(className: String, module: String) -> String? {
        if SwiftNaming.keywords.contains(className) || SwiftNaming.reservedTypeNames.contains(className) {
            return "'\(className)' is reserved in Swift or in kidl's generated code"
        }
        if swiftStandardNames.contains(className) { return "'\(className)' is a type of the Swift standard library" }
        if platformDeclarations.contains(className) {
            return "'\(className)' is a class, type or event of the Kurento platform modules (core, elements, filters)"
        }
        if ["core", "elements", "filters", "kurento"].contains(module) {
            return "module name '\(module)' is one of Kurento's own modules"
        }
        if let prefix = reservedPrefixes.first(where: { className.hasPrefix($0) }) {
            return "names starting with '\(prefix)' clash with the modules of kidl and its dependencies"
        }
        return nil
    }

    /// Types of the standard library that generated code or the starter files use unqualified.
    static let swiftStandardNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Float", "Double", "Bool", "Array", "Dictionary", "Set", "Optional",
        "Result", "Error", "Never", "Void", "Character", "Task", "Duration", "Equatable", "Hashable", "Codable",
        "Comparable", "Identifiable", "Foundation", "Testing", "XCTest", "Logging", "Dispatch", "Glibc", "Darwin",
        "PackageDescription", "Locked", "Main",
    ]

    /// Module-name prefixes of kidl and its dependencies: a target named `<NAME>Server` must not collide.
    static let reservedPrefixes = ["Kurento", "Kidl", "Hummingbird", "NIO", "Swift", "_"]

    /// Names declared by the platform modules (classes, complex types, events of idl/core, elements, filters);
    /// a local class of that name would shadow the platform's. `ScaffoldTests` keeps the list equal to idl/.
    static let platformDeclarations: Set<String> = [
        "Composite", "ElementConnected", "ElementConnectionData", "ElementDisconnected", "EndOfStream", "Endpoint",
        "Error", "Filter", "FilterType", "GStreamerFilter", "GstreamerDotDetails", "Hub", "HubPort", "Media",
        "MediaElement", "MediaFlowInStateChanged", "MediaFlowOutStateChanged", "MediaFlowState", "MediaObject",
        "MediaPipeline", "MediaProfileSpecType", "MediaTranscodingState", "MediaTranscodingStateChanged", "MediaType",
        "ModuleInfo", "ObjectCreated", "ObjectDestroyed", "PassThrough", "Paused", "PlayerEndpoint", "RaiseBase",
        "RecorderEndpoint", "Recording", "ServerInfo", "ServerManager", "ServerType", "Stopped", "Tag", "UriEndpoint",
        "UriEndpointState", "UriEndpointStateChanged", "VideoInfo",
    ]
}
