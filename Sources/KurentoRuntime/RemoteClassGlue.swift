/// What the runtime knows about a remote class, generated per class: its names, ancestry and events, and
/// the dispatch of operations (methods and `get<Prop>`/`set<Prop>`) to the class protocol.
public protocol RemoteClassGlue: SendableMetatype {
    /// The kmd name (`ChromaFilter`).
    static var typeName: String { get }
    /// The kmd module (`chroma`, `core`).
    static var moduleName: String { get }
    /// The name on the wire: `kurento.<Name>` for core, elements and filters, `<module>.<Name>` otherwise.
    static var qualifiedType: String { get }
    /// The qualified names of the ancestors, nearest first (what `describe` returns).
    static var hierarchy: [String] { get }
    /// The events objects of this class can emit, its ancestors' included.
    static var eventTypes: Set<String> { get }
    /// Runs one operation; operations of ancestors are passed on to the parent's glue.
    static func invoke(_ object: any RemoteObject, operation: String, params: JSONFields) async throws -> JSON
}

extension RemoteClassGlue {
    /// The error for an operation no class of the chain knows (reference §5.3).
    public static func unknownOperation(_ operation: String, _ params: JSONFields) -> KurentoError {
        .malformedTransaction("Method '\(operation)' with \(params.count) parameters not found")
    }

    /// The error for an object that does not implement the class protocol its glue serves.
    public static func wrongObject(_ object: any RemoteObject) -> KurentoError {
        .unexpected("Object '\(object.objectContext.id)' does not implement \(typeName)")
    }
}

/// Creates objects of one concrete class from `constructorParams`.
public struct RemoteObjectFactory: Sendable {
    public let glue: any RemoteClassGlue.Type
    /// The constructor param that names the new object's parent (Kurento's `mediaPipeline`, `hub`): the first
    /// one whose type is a remote class. Nil for roots such as `MediaPipeline`.
    public let parentParameter: String?
    public let create: @Sendable (ObjectContext, JSONFields) async throws -> any RemoteObject

    public init(glue: any RemoteClassGlue.Type, parentParameter: String? = nil,
                create: @escaping @Sendable (ObjectContext, JSONFields) async throws -> any RemoteObject) {
        self.glue = glue
        self.parentParameter = parentParameter
        self.create = create
    }

    public var typeName: String { glue.typeName }
}
