/// A param, remote-class property, record field or event property, resolved.
public struct Property: Hashable, Sendable {
    public var name: String
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var type: TypeRef
    public var typeLocation: SourceLocation
    public var isOptional: Bool
    public var defaultValue: JSONNode?
    public var isReadOnly: Bool
    public var isFinal: Bool
    /// Where the name is written.
    public var location: SourceLocation

    /// True when no setter exists (`readOnly` or `final`).
    public var hasSetter: Bool { !isReadOnly && !isFinal }
}

/// A method or a constructor (whose name is empty).
public struct Method: Hashable, Sendable {
    public var name: String
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var params: [Property]
    public var returnType: TypeRef?
    public var returnTypeLocation: SourceLocation?
    public var returnDoc: String?
    public var returnDocLocation: SourceLocation? = nil
    /// Where the name is written (for a constructor, its `"constructor"` key).
    public var location: SourceLocation
}

public struct RemoteClass: Hashable, Sendable {
    public var qualifiedName: QualifiedName
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var extends: QualifiedName?
    public var extendsLocation: SourceLocation?
    public var isAbstract: Bool
    public var constructor: Method?
    public var properties: [Property]
    public var methods: [Method]
    /// The events this class declares it can emit (its ancestors may declare more).
    public var events: [Located<QualifiedName>]
    public var location: SourceLocation

    public var name: String { qualifiedName.name }
}

public struct ComplexType: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case record = "REGISTER", enumeration = "ENUM" }

    public var qualifiedName: QualifiedName
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var kind: Kind
    public var extends: QualifiedName?
    public var extendsLocation: SourceLocation?
    /// Record fields (records only).
    public var properties: [Property]
    /// Symbolic values (enums only), in declaration order.
    public var values: [Located<String>]
    public var location: SourceLocation

    public var name: String { qualifiedName.name }
}

public struct Event: Hashable, Sendable {
    public var qualifiedName: QualifiedName
    public var doc: String?
    /// Where the doc string value is written (for diagnostics about its text).
    public var docLocation: SourceLocation? = nil
    public var extends: QualifiedName?
    public var extendsLocation: SourceLocation?
    public var properties: [Property]
    public var location: SourceLocation

    public var name: String { qualifiedName.name }
}
