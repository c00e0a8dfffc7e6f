internal import KurentoCBridge
import KurentoRuntime

/// Host objects for objects of C modules whose classes extend the platform's: each derives from the
/// platform base of its nearest platform ancestor (`FilterBase` for a C filter), so the platform glue
/// serves the inherited operations (`connect`, `getName`, `addTag` …) and other elements can connect to
/// it, and it carries the C object, which gets the class's own operations.
struct PlatformCObjectFactory: CObjectFactory {
    init() {}

    func makeObject(context: ObjectContext, cObject: CObject, hierarchy: [String]) -> any CBridgedObject {
        for type in hierarchy {
            switch type {
            case "kurento.Filter": return CFilterObject(objectContext: context, cObject: cObject)
            case "kurento.Endpoint": return CEndpointObject(objectContext: context, cObject: cObject)
            case "kurento.Hub": return CHubObject(objectContext: context, cObject: cObject)
            case "kurento.MediaElement": return CMediaElementObject(objectContext: context, cObject: cObject)
            case "kurento.MediaObject": return CMediaObject(objectContext: context, cObject: cObject)
            default: continue
            }
        }
        return PlainCObject(objectContext: context, cObject: cObject)
    }
}

/// A C object of a class extending `Filter`.
final class CFilterObject: FilterBase, CBridgedObject, @unchecked Sendable {
    let cObject: CObject
    init(objectContext: ObjectContext, cObject: CObject) {
        self.cObject = cObject
        super.init(objectContext: objectContext)
    }
    override func released() async {
        await super.released()
        cObject.destroy()
    }
}

/// A C object of a class extending `Endpoint`.
final class CEndpointObject: EndpointBase, CBridgedObject, @unchecked Sendable {
    let cObject: CObject
    init(objectContext: ObjectContext, cObject: CObject) {
        self.cObject = cObject
        super.init(objectContext: objectContext)
    }
    override func released() async {
        await super.released()
        cObject.destroy()
    }
}

/// A C object of a class extending `Hub`.
final class CHubObject: HubBase, CBridgedObject, @unchecked Sendable {
    let cObject: CObject
    init(objectContext: ObjectContext, cObject: CObject) {
        self.cObject = cObject
        super.init(objectContext: objectContext)
    }
    override func released() async {
        await super.released()
        cObject.destroy()
    }
}

/// A C object of a class extending `MediaElement` directly.
final class CMediaElementObject: MediaElementBase, CBridgedObject, @unchecked Sendable {
    let cObject: CObject
    init(objectContext: ObjectContext, cObject: CObject) {
        self.cObject = cObject
        super.init(objectContext: objectContext)
    }
    override func released() async {
        await super.released()
        cObject.destroy()
    }
}

/// A C object of a class extending `MediaObject` directly.
final class CMediaObject: MediaObjectBase, CBridgedObject, @unchecked Sendable {
    let cObject: CObject
    init(objectContext: ObjectContext, cObject: CObject) {
        self.cObject = cObject
        super.init(objectContext: objectContext)
    }
    override func released() async {
        await super.released()
        cObject.destroy()
    }
}
