import CKidlBridge
import KurentoRuntime
import Synchronization

/// A Kurento module implemented in C, served like generated Swift modules: a `KurentoModule` whose factories
/// create C objects and whose glue (one per class) sends operations to the C functions, with JSON text at
/// the boundary.
///
/// Calls into one module are serialized (the C author need not lock); the C code calls back into the host
/// to emit events, to check object params and to look objects up, from inside a call or from its own threads.
/// A library's module exists once per process: loading it for several managers gives the same module.
public final class CModule: KurentoModule, @unchecked Sendable {
    /// The module descriptor (static data of the loaded library, which stays loaded).
    let descriptor: UnsafePointer<kidl_c_module>
    public let name: String
    public let version: String
    public let kmd: String
    public var runtimeAPIVersion: Int { KidlRuntimeAPI.version }
    /// The classes, in the module's order.
    public private(set) var cClasses: [CClass] = []
    private var glues: [any RemoteClassGlue.Type] = []
    private let objectFactory: any CObjectFactory
    /// Find the glue of a class of another module (one per manager the module was loaded for).
    private let hostGlueLookups: Mutex<[@Sendable (String) -> (any RemoteClassGlue.Type)?]>

    /// Serializes calls into C.
    private let calls = Mutex(())
    /// The resolver of the call in progress, for object params checked during it.
    private let resolver = Mutex<(any ObjectResolver)?>(nil)
    /// Live objects by id, for events and lookups. The C object is held weakly: its host object owns it.
    private let objects = Mutex<[String: LiveObject]>([:])

    private struct LiveObject {
        var context: ObjectContext
        /// Nil while the constructor runs.
        weak var object: CObject?
    }

    /// - Parameters:
    ///   - hostGlue: the glue of a class of another module by wire name, usually from a `ModuleManager`.
    init(descriptor: UnsafePointer<kidl_c_module>, objectFactory: any CObjectFactory,
         hostGlue: @escaping @Sendable (String) -> (any RemoteClassGlue.Type)?) {
        self.descriptor = descriptor
        self.objectFactory = objectFactory
        self.hostGlueLookups = Mutex([hostGlue])
        let d = descriptor.pointee
        name = String(cString: d.name)
        version = String(cString: d.version)
        var kmd = ""
        if var part = d.kmd_json_parts {
            while let text = part.pointee {
                kmd += String(cString: text)
                part += 1
            }
        }
        self.kmd = kmd
        for i in 0..<d.class_count {
            let cClass = CClass(entry: d.classes + i, module: self)
            cClasses.append(cClass)
            glues.append(CGlueSlots.makeGlue(for: cClass))
        }
        installHost()
    }

    public var classes: [any RemoteClassGlue.Type] { glues }

    public var factories: [RemoteObjectFactory] {
        zip(cClasses, glues).filter { !$0.0.isAbstract }.map { cClass, glue in
            RemoteObjectFactory(glue: glue, parentParameter: cClass.parentParameter) { [self] context, params in
                try create(cClass, context: context, params: params)
            }
        }
    }

    func cClass(qualifiedType: String) -> CClass? { cClasses.first { $0.qualifiedType == qualifiedType } }
    func hostGlue(qualifiedType: String) -> (any RemoteClassGlue.Type)? {
        for lookup in hostGlueLookups.withLock({ $0 }) {
            if let glue = lookup(qualifiedType) { return glue }
        }
        return nil
    }

    // MARK: One per library

    /// The modules made so far, by descriptor: a library's C state (its host, its objects) exists once per
    /// process, so loading it again (for another manager) gives the same module.
    private static let loaded = Mutex<[Int: CModule]>([:])

    /// The module of a descriptor, made on first use; later calls add their class lookup to it.
    static func shared(descriptor: UnsafePointer<kidl_c_module>, objectFactory: any CObjectFactory,
                       hostGlue: @escaping @Sendable (String) -> (any RemoteClassGlue.Type)?) -> CModule {
        let address = Int(bitPattern: descriptor)
        return loaded.withLock { modules in
            if let module = modules[address] {
                module.hostGlueLookups.withLock { $0.append(hostGlue) }
                return module
            }
            let module = CModule(descriptor: UnsafePointer(bitPattern: address)!, objectFactory: objectFactory, hostGlue: hostGlue)
            modules[address] = module
            return module
        }
    }

    // MARK: Calls

    /// Runs `body` as the one call in progress, with `resolver` answering the object checks C makes.
    private func call(resolver current: (any ObjectResolver)?, _ body: () -> Int32) -> Int32 {
        calls.withLock { _ in
            resolver.withLock { $0 = current }
            defer { resolver.withLock { $0 = nil } }
            return body()
        }
    }

    /// Creates a C object of a concrete class from `constructorParams`.
    func create(_ cClass: CClass, context: ObjectContext, params: JSONFields) throws(KurentoError) -> any RemoteObject {
        let text = JSON.object(params.values).text
        var handle: UnsafeMutableRawPointer?
        var error = kidl_error()
        // Known first: events emitted by the constructor go out.
        objects.withLock { $0[context.id] = LiveObject(context: context) }
        let status = call(resolver: params.resolver) {
            cClass.entry.pointee.create(context.id, text, &handle, &error)
        }
        guard status == KIDL_C_OK else {
            objects.withLock { $0[context.id] = nil }
            throw KurentoError(cCode: Int(error.code), message: error.text)
        }
        let object = CObject(id: context.id, cClass: cClass, handle: handle)
        objects.withLock { $0[context.id]?.object = object }
        return objectFactory.makeObject(context: context, cObject: object, hierarchy: cClass.hierarchy)
    }

    /// Runs an operation: its result, or nil when C does not handle it (the glue then asks the parent's).
    func invoke(_ object: CObject, operation: String, params: JSONFields) throws(KurentoError) -> JSON? {
        let text = JSON.object(params.values).text
        var result: UnsafeMutablePointer<CChar>?
        var error = kidl_error()
        let status = call(resolver: params.resolver) {
            object.cClass.entry.pointee.invoke(object.handle, operation, text, &result, &error)
        }
        defer { if let result { descriptor.pointee.free_string(result) } }
        switch status {
        case KIDL_C_OK:
            guard let result, let json = CJSONReader.parse(String(cString: result)) else {
                throw .unexpected("\(object.cClass.name).\(operation) returned a result that is not JSON")
            }
            return json
        case KIDL_C_NOT_HANDLED: return nil
        default: throw KurentoError(cCode: Int(error.code), message: error.text)
        }
    }

    func destroy(id: String, cClass: CClass, handle: UnsafeMutableRawPointer?) {
        objects.withLock { $0[id] = nil }
        guard let destroy = cClass.entry.pointee.destroy else { return }
        _ = call(resolver: nil) {
            destroy(handle)
            return KIDL_C_OK
        }
    }

    // MARK: The host's side

    /// Hands the module the host's callbacks; the module keeps a pointer to this object for ever (libraries
    /// are never unloaded).
    private func installHost() {
        var host = kidl_c_host()
        host.context = Unmanaged.passRetained(self).toOpaque()
        host.emit = { context, objectID, eventType, data in
            guard let context, let objectID, let eventType, let data else { return }
            Unmanaged<CModule>.fromOpaque(context).takeUnretainedValue()
                .emit(object: String(cString: objectID), eventType: String(cString: eventType), data: String(cString: data))
        }
        host.check_object = { context, objectID, qualifiedType, className, path, error in
            guard let context, let objectID, let qualifiedType, let error else { return KIDL_C_FAILED }
            let module = Unmanaged<CModule>.fromOpaque(context).takeUnretainedValue()
            let problem = module.checkObject(String(cString: objectID), qualifiedType: String(cString: qualifiedType),
                                             className: className.map { String(cString: $0) } ?? "",
                                             path: path.map { String(cString: $0) } ?? "value")
            guard let problem else { return KIDL_C_OK }
            error.pointee.set(problem)
            return KIDL_C_FAILED
        }
        host.lookup = { context, objectID, qualifiedType in
            guard let context, let objectID, let qualifiedType else { return nil }
            return Unmanaged<CModule>.fromOpaque(context).takeUnretainedValue()
                .lookup(String(cString: objectID), qualifiedType: String(cString: qualifiedType))
        }
        descriptor.pointee.set_host(&host)
    }

    private func emit(object id: String, eventType: String, data: String) {
        guard let context = objects.withLock({ $0[id]?.context }), let json = CJSONReader.parse(data) else { return }
        context.emit(eventType: eventType, data: json)
    }

    private func lookup(_ id: String, qualifiedType: String) -> UnsafeMutableRawPointer? {
        guard let object = objects.withLock({ $0[id]?.object }), object.cClass.isKind(of: qualifiedType) else { return nil }
        return object.handle
    }

    /// What the Swift glue checks for an object param: that it exists (`MEDIA_OBJECT_NOT_FOUND`) and has the
    /// class (`'x' parameter should be a CaptionFeed, but '…' is not`). Nil when it passes.
    private func checkObject(_ id: String, qualifiedType: String, className: String, path: String) -> KurentoError? {
        guard let resolver = resolver.withLock({ $0 }) else { return nil }
        let object: any RemoteObject
        do {
            object = try resolver.object(withID: id)
        } catch {
            return error
        }
        let matches: Bool
        if let bridged = object as? any CBridgedObject {
            matches = bridged.cObject.cClass.isKind(of: qualifiedType)
        } else if let glue = (resolver as? KurentoDispatcher)?.registry.glue(of: id) {
            matches = glue.qualifiedType == qualifiedType || glue.hierarchy.contains(qualifiedType)
        } else {
            matches = true
        }
        return matches ? nil : .marshall("\(path) should be a \(className), but '\(id)' is not")
    }
}

extension kidl_error {
    /// The message, up to its terminating zero.
    var text: String {
        withUnsafeBytes(of: message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    mutating func set(_ error: KurentoError) {
        code = Int32(error.code)
        withUnsafeMutableBytes(of: &message) { raw in
            let bytes = Array(error.message.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }
}
