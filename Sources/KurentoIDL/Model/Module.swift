/// A resolved module: its files fused, its imports found, every type reference resolved.
public struct Module: Hashable, Sendable {
    public var name: String
    public var version: String
    /// The range of the Kurento platform required (for core/elements/filters it defaults to `version`).
    public var kurentoVersion: String
    public var kurentoMavenVersion: String?
    public var kurentoNpmVersion: String?
    public var repository: String?
    /// Explicit imports first, then the implicit platform imports (reference §2.4).
    public var imports: [Import]
    /// The `code` section as written (defaults are applied by `CodeDefaults`).
    public var code: JSONNode?
    public var remoteClasses: [RemoteClass]
    public var complexTypes: [ComplexType]
    public var events: [Event]
    /// The files fused into this module, sorted.
    public var files: [String]
    /// Where the module's `name` is written.
    public var location: SourceLocation
    /// Where the module's `version` value is written.
    public var versionLocation: SourceLocation? = nil

    public var isKurento: Bool { KurentoModules.contains(name) }
}

public struct Import: Hashable, Sendable {
    public var name: String
    /// The required version range, as written.
    public var version: String
    public var mavenVersion: String?
    public var npmVersion: String?
    /// The version of the module that satisfied the range.
    public var resolvedVersion: String
    /// True for the core/elements/filters imports added from `kurentoVersion`.
    public var isImplicit: Bool
    /// Where the imported module's name is written (for an implicit import, the `kurentoVersion` value).
    public var location: SourceLocation
}
