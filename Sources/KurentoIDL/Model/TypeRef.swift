/// The six primitive types of the kmd format, spelled as in kmd files.
public enum Primitive: String, Sendable, Hashable, CaseIterable {
    case boolean, string = "String", int, float, double, int64
}

/// A declaration's name qualified by the module that declares it (`core.MediaElement`, `chroma.WindowParam`).
public struct QualifiedName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var module: String
    public var name: String

    public init(module: String, name: String) {
        self.module = module
        self.name = name
    }

    public var description: String { "\(module).\(name)" }

    /// The name used on the wire and in `describe`: `kurento.X` for core, elements and filters.
    public var wireName: String { "\(KurentoModules.wirePrefix(of: module)).\(name)" }

    public static func < (a: QualifiedName, b: QualifiedName) -> Bool { (a.module, a.name) < (b.module, b.name) }
}

/// A resolved type reference.
public struct TypeRef: Hashable, Sendable, CustomStringConvertible {
    public enum Base: Hashable, Sendable {
        case primitive(Primitive)
        case remoteClass(QualifiedName)
        case record(QualifiedName)
        case enumeration(QualifiedName)
        case event(QualifiedName)
        /// A name that did not resolve; an error has been reported, and nothing is generated from such a model.
        case unresolved(String)
    }

    public var base: Base
    public var container: TypeRefSyntax.Container

    public init(_ base: Base, container: TypeRefSyntax.Container = .none) {
        self.base = base
        self.container = container
    }

    /// The declaration this type names, if it is not a primitive.
    public var declaration: QualifiedName? {
        switch base {
        case .remoteClass(let q), .record(let q), .enumeration(let q), .event(let q): q
        case .primitive, .unresolved: nil
        }
    }

    /// The element type of a list or map, the type itself otherwise.
    public var element: TypeRef { TypeRef(base) }

    /// As written in kmd, with the module prefix kept: `String`, `core.Tag[]`, `demo.Caption<>`.
    public var description: String {
        let base: String = switch self.base {
        case .primitive(let p): p.rawValue
        case .remoteClass(let q), .record(let q), .enumeration(let q), .event(let q): q.description
        case .unresolved(let s): s
        }
        return base + container.rawValue
    }
}

/// Facts about the three modules that make up the Kurento platform.
public enum KurentoModules {
    public static let names: [String] = ["core", "elements", "filters"]

    public static func contains(_ module: String) -> Bool { names.contains(module) }

    /// `kurento` for the platform modules, the module's own name otherwise.
    public static func wirePrefix(of module: String) -> String { contains(module) ? "kurento" : module }

    /// The modules every module imports implicitly (reference §2.4): all platform modules before it in `names`.
    public static func implicitImports(of module: String) -> [String] {
        if let index = names.firstIndex(of: module) { return Array(names[..<index]) }
        return names
    }
}
