/// What every served object is. Generated class protocols refine it; the runtime creates each object
/// with an `ObjectContext`, which the object keeps and returns here.
public protocol RemoteObject: AnyObject, Sendable {
    var objectContext: ObjectContext { get }
}

/// The runtime's side of one object: its id, its place among the other objects, and where its events go.
public final class ObjectContext: Sendable {
    /// The object id (`<uuid>_<module>.<Type>`, children prefixed by their parent's id).
    public let id: String
    /// The id of the object this one was created in (its pipeline, or its hub), if any.
    public let parentID: String?
    /// When the object was created, in seconds since the Unix epoch.
    public let creationTime: Int64
    /// The objects of the server, for parent/child lookups; nil for objects made outside a server (tests).
    public let directory: (any ObjectDirectory)?
    private let sink: @Sendable (_ eventType: String, _ data: JSON) -> Void

    public init(id: String, parentID: String? = nil, creationTime: Int64 = 0, directory: (any ObjectDirectory)? = nil,
                eventSink: @escaping @Sendable (_ eventType: String, _ data: JSON) -> Void = { _, _ in }) {
        self.id = id
        self.parentID = parentID
        self.creationTime = creationTime
        self.directory = directory
        self.sink = eventSink
    }

    /// Hands an event to the runtime, which delivers it to the subscribers of its type.
    public func emit<E: KurentoEvent>(_ event: E) {
        sink(E.eventType, event.kurentoJSON)
    }

    /// Hands an event given as JSON to the runtime: for objects whose events are not Swift types (objects
    /// of modules implemented in C). `data` holds all event properties, inherited first.
    public func emit(eventType: String, data: JSON) {
        sink(eventType, data)
    }

    public var parent: (any RemoteObject)? { parentID.flatMap { directory?.object(withID: $0) } }
    public var children: [any RemoteObject] { directory?.children(of: id) ?? [] }

    /// The root of the object's tree (its media pipeline), itself for a root.
    public var root: (any RemoteObject)? {
        let rootID = id.split(separator: "/").first.map(String.init) ?? id
        return directory?.object(withID: rootID)
    }
}

/// The objects a server holds, as seen from one object.
public protocol ObjectDirectory: AnyObject, Sendable {
    func object(withID id: String) -> (any RemoteObject)?
    /// The direct children, in creation order.
    func children(of id: String) -> [any RemoteObject]
}

/// Resolves object ids found in params into the objects the runtime holds.
public protocol ObjectResolver: Sendable {
    /// The object with that id, or a `MEDIA_OBJECT_NOT_FOUND` error.
    func object(withID id: String) throws(KurentoError) -> any RemoteObject
}

/// A resolver that knows no objects: for values that cannot hold references, and for tests.
public struct NoObjects: ObjectResolver {
    public init() {}
    public func object(withID id: String) throws(KurentoError) -> any RemoteObject {
        throw .objectNotFound("Object '\(id)' not found")
    }
}

/// An event type of the kmd format.
public protocol KurentoEvent: Sendable {
    /// The event's kmd name, the `type` of subscriptions and notifications.
    static var eventType: String { get }
    /// All properties, inherited first.
    var kurentoJSON: JSON { get }
}
