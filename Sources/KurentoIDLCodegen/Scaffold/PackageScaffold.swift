import KurentoIDL

/// `kidlc init`: the files of a new Swift package holding one Kurento plugin module — a starter kmd file, the
/// implementation of its generated protocol, a test that serves it and drives it with the generated client, a
/// README — with kidl's build plugin applied. Pure: `ScaffoldWriter` writes the files.
public struct PackageScaffold: Sendable {
    /// Where the package finds kidl.
    public enum KidlDependency: Sendable, Hashable {
        /// A kidl checkout (absolute path).
        case path(String)
        /// A git URL and a branch.
        case url(String, branch: String)
    }

    /// The platform classes a starter class can extend, with the KurentoServer base class implementing them.
    public static let bases: [(kmd: String, swift: String)] = [
        ("MediaElement", "MediaElementBase"), ("Filter", "FilterBase"), ("Endpoint", "EndpointBase"), ("Hub", "HubBase"),
    ]

    public let names: ScaffoldNames
    /// The kmd class the starter class extends, and its base class in KurentoServer.
    public let base: (kmd: String, swift: String)
    public let kidl: KidlDependency

    /// Checks the name and the parent class; every problem is a `ScaffoldError` naming what is wrong.
    public init(name: String, extends parent: String = "Filter", kidl: KidlDependency) throws(ScaffoldError) {
        names = try ScaffoldNames(name)
        guard let base = Self.bases.first(where: { $0.kmd == parent }) else {
            throw ScaffoldError(SettingError(unknown: "class to extend", parent, among: Self.bases.map(\.kmd)).message)
        }
        self.base = base
        self.kidl = kidl
    }

    /// Every file of the package, by path relative to the package folder, sorted.
    public var files: [ScaffoldFile] {
        let n = names
        return [
            ScaffoldFile(path: "Package.swift", contents: manifest),
            ScaffoldFile(path: "README.md", contents: readme),
            ScaffoldFile(path: ".gitignore", contents: ".build/\n.swiftpm/\nPackage.resolved\n"),
            ScaffoldFile(path: "Sources/\(n.serverTarget)/\(n.kmdFile)", contents: kmd),
            ScaffoldFile(path: "Sources/\(n.serverTarget)/kidlc.yaml", contents: serverConfig),
            ScaffoldFile(path: "Sources/\(n.serverTarget)/\(n.implementation).swift", contents: implementation),
            ScaffoldFile(path: "Sources/\(n.clientTarget)/\(n.kmdFile)", linkTo: "../\(n.serverTarget)/\(n.kmdFile)"),
            ScaffoldFile(path: "Sources/\(n.clientTarget)/kidlc.yaml", contents: clientConfig),
            ScaffoldFile(path: "Sources/\(n.clientTarget)/Exports.swift", contents: clientExports),
            ScaffoldFile(path: "Tests/\(n.testTarget)/LoopbackServer.swift", contents: loopbackServer),
            ScaffoldFile(path: "Tests/\(n.testTarget)/\(n.className)Tests.swift", contents: clientTests),
        ].sorted { $0.path < $1.path }
    }
}

/// One file of a new package: text, or a symbolic link (the client target's kmd file is the server target's).
public struct ScaffoldFile: Sendable, Hashable {
    public var path: String
    public var contents: String
    /// Where a symbolic link points, relative to the link's folder; nil for a regular file.
    public var linkTarget: String?

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, linkTo target: String) {
        self.path = path
        self.contents = ""
        self.linkTarget = target
    }
}

/// A name `kidlc init` cannot use, or a package it cannot write.
public struct ScaffoldError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "kidlc: error: \(message)" }
}
