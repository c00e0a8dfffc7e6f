import KurentoRuntime
import Synchronization

/// A live object of a C module: its class and the handle its constructor returned. Operations go through
/// the module, which serializes calls into C. The C object is destroyed once, when the host object that
/// carries it is released (or, failing that, deallocated).
public final class CObject: @unchecked Sendable {
    public let id: String
    public let cClass: CClass
    /// The C handle (opaque to Swift; only the module's functions touch it).
    let handle: UnsafeMutableRawPointer?
    private let destroyed = Atomic(false)

    init(id: String, cClass: CClass, handle: UnsafeMutableRawPointer?) {
        self.id = id
        self.cClass = cClass
        self.handle = handle
    }

    /// Runs an operation in C: its result, or nil when the operation is not one of the C class chain.
    func invoke(_ operation: String, params: JSONFields) throws(KurentoError) -> JSON? {
        try cClass.module.invoke(self, operation: operation, params: params)
    }

    /// Destroys the C object (once).
    public func destroy() {
        guard !destroyed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        cClass.module.destroy(id: id, cClass: cClass, handle: handle)
    }

    deinit { destroy() }
}

/// What a host object standing for a C object is: a remote object that carries it.
public protocol CBridgedObject: RemoteObject {
    var cObject: CObject { get }
}

/// Makes the host objects that stand for C objects. An object of a C class whose ancestors are implemented
/// in Swift (a C filter extends `kurento.Filter`) must implement those ancestors' class protocols, so that
/// their glue can serve inherited operations: `KurentoServer` provides such a factory for the platform
/// classes. The object must call `cObject.destroy()` when it is released (`ReleaseAware`).
public protocol CObjectFactory: Sendable {
    /// `hierarchy` is the class's ancestors, nearest first (`["kurento.Filter", "kurento.MediaElement", …]`).
    func makeObject(context: ObjectContext, cObject: CObject, hierarchy: [String]) -> any CBridgedObject
}

/// A host object that is nothing but the C object: inherited operations of Swift ancestors are not served.
public final class PlainCObject: CBridgedObject, ReleaseAware {
    public let objectContext: ObjectContext
    public let cObject: CObject

    public init(objectContext: ObjectContext, cObject: CObject) {
        self.objectContext = objectContext
        self.cObject = cObject
    }

    public func released() async { cObject.destroy() }
}

/// Makes `PlainCObject`s.
public struct PlainCObjectFactory: CObjectFactory {
    public init() {}
    public func makeObject(context: ObjectContext, cObject: CObject, hierarchy: [String]) -> any CBridgedObject {
        PlainCObject(objectContext: context, cObject: cObject)
    }
}
