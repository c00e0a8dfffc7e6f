/// The content of one `.kmd.json` file, decoded but not yet fused, resolved or validated.
/// Every field keeps its source location; absent optional keys are nil or empty.
public struct KmdFileSyntax: Sendable, Hashable {
    public var path: String
    public var location: SourceLocation
    public var name: Located<String>?
    public var version: Located<String>?
    public var kurentoVersion: Located<String>?
    public var kurentoMavenVersion: Located<String>?
    public var kurentoNpmVersion: Located<String>?
    public var repository: Located<String>?
    /// Nil when the key is absent; an empty list when written as `[]`.
    public var imports: Located<[ImportSyntax]>?
    /// The `code` section as written (nested objects of strings).
    public var code: JSONNode?
    public var remoteClasses: [RemoteClassSyntax] = []
    public var complexTypes: [ComplexTypeSyntax] = []
    public var events: [EventSyntax] = []

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

public struct ImportSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var version: Located<String>
    public var mavenVersion: Located<String>?
    public var npmVersion: Located<String>?
    public var location: SourceLocation
}

public struct RemoteClassSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var extends: Located<TypeRefSyntax>?
    public var isAbstract: Bool
    public var constructor: MethodSyntax?
    public var properties: [PropertySyntax]
    public var methods: [MethodSyntax]
    public var events: [Located<TypeRefSyntax>]
    public var location: SourceLocation
}

/// A method, or a constructor (which has no name: `name` is then the location of the `constructor` key, text "").
public struct MethodSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var params: [PropertySyntax]
    public var returns: ReturnSyntax?
    public var location: SourceLocation
}

public struct ReturnSyntax: Sendable, Hashable {
    public var type: Located<TypeRefSyntax>
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
}

/// A param, a remote-class property, a record field or an event property: they share one shape.
public struct PropertySyntax: Sendable, Hashable {
    public var name: Located<String>
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var type: Located<TypeRefSyntax>
    public var isOptional: Bool
    public var defaultValue: JSONNode?
    public var isReadOnly: Bool
    public var isFinal: Bool
    public var location: SourceLocation
}

public struct ComplexTypeSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    /// As written; validation checks that it is REGISTER or ENUM.
    public var typeFormat: Located<String>?
    public var extends: Located<TypeRefSyntax>?
    public var properties: [PropertySyntax]
    /// Nil when the key is absent.
    public var values: [Located<String>]?
    public var location: SourceLocation
}

public struct EventSyntax: Sendable, Hashable {
    public var name: Located<String>
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var extends: Located<TypeRefSyntax>?
    public var properties: [PropertySyntax]
    public var location: SourceLocation
}
