import Foundation
import KurentoIDL

/// What kidlc can generate.
public enum GenerationTarget: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Protocols to implement plus the glue that serves them (always regenerated).
    case swiftServer = "swift-server"
    /// Starter implementations of the server protocols: written once, never overwritten.
    case swiftImplStarter = "swift-impl-starter"
    /// Typed async proxies for the Kurento client (`KurentoClient`), with the server's records, enums and events.
    case swiftClient = "swift-client"
    /// A Markdown API reference: one page per module and an index.
    case docs = "docs"
    /// A C header and a json-c marshalling source per module, for implementing a module in C.
    case cShim = "c-shim"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The access level of generated declarations.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    case `public`, package, `internal`
}

public struct GenerationOptions: Sendable, Hashable {
    public var targets: [GenerationTarget]
    public var access: AccessLevel
    /// A folder whose files override the built-in templates file by file (`<target>/<name>.mustache`).
    public var templatesDirectory: URL?
    /// Swift module that holds the generated code of a kmd module, for imports between modules
    /// (default: `KurentoPlatform` for core, elements and filters, `Kurento<Name>` otherwise).
    public var swiftModules: [String: String]
    /// How Swift files are named: per module (the default), or the fixed set a build tool declares up front.
    public var layout: FileLayout

    public init(targets: [GenerationTarget], access: AccessLevel = .public, templatesDirectory: URL? = nil,
                swiftModules: [String: String] = [:], layout: FileLayout = .perModule) {
        self.targets = targets
        self.access = access
        self.templatesDirectory = templatesDirectory
        self.swiftModules = swiftModules
        self.layout = layout
    }
}

/// One file to write, relative to the output folder.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var contents: String
    /// Starter files are written only when absent and never overwritten or cleaned.
    public var isStarter: Bool

    public init(path: String, contents: String, isStarter: Bool = false) {
        self.path = path
        self.contents = contents
        self.isStarter = isStarter
    }
}

/// A problem while generating: a template that does not parse or render, named with file, line and column.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
    public var description: String {
        (location.map { "\($0): " } ?? "kidlc: ") + "error: " + message
    }
}
