/// What every served object is. Generated class protocols refine it; the runtime creates each object
/// with an `ObjectContext`, which the object keeps and returns here.
public protocol RemoteObject: AnyObject, Sendable {
    var objectContext: ObjectContext { get }
}

/// The runtime's side of one object: its id, and where its events go.
public final class ObjectContext: Sendable {
    /// The object id (`<uuid>_<module>.<Type>`, children prefixed by their parent's id).
    public let id: String
    private let sink: @Sendable (_ eventType: String, _ data: JSON) -> Void

    public init(id: String, eventSink: @escaping @Sendable (_ eventType: String, _ data: JSON) -> Void = { _, _ in }) {
        self.id = id
        self.sink = eventSink
    }

    /// Hands an event to the runtime, which delivers it to the subscribers of its type.
    public func emit<E: KurentoEvent>(_ event: E) {
        sink(E.eventType, event.kurentoJSON)
    }
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
