/// The files of one module fused into one syntax tree (reference §2.2), before imports and types are resolved.
public struct ModuleSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var files: [KmdFileSyntax]
    public var version: Located<String>?
    public var kurentoVersion: Located<String>?
    public var kurentoMavenVersion: Located<String>?
    public var kurentoNpmVersion: Located<String>?
    public var repository: Located<String>?
    public var imports: [ImportSyntax]
    public var code: JSONNode?
    public var remoteClasses: [RemoteClassSyntax]
    public var complexTypes: [ComplexTypeSyntax]
    public var events: [EventSyntax]
    /// True for modules found on a search path (dependencies), false for the modules the user asked for.
    public var isDependency: Bool

    public var paths: [String] { files.map(\.path) }
}
