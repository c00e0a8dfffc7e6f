/// The named values of a JSON object — `operationParams`, `constructorParams` or a record — read with
/// Kurento's marshalling errors. Generated glue decodes every param and record field through this.
public struct JSONFields: Sendable {
    public let values: [String: JSON]
    public let resolver: any ObjectResolver
    private let path: @Sendable (String) -> ValuePath

    /// Params of a call: `container` names the object in errors (`operationParams`, `constructorParams`);
    /// absent or null means no params.
    public init(params json: JSON?, container: String, resolver: any ObjectResolver) throws(KurentoError) {
        switch json {
        case nil, .null?: values = [:]
        case .object(let o)?: values = o
        case .some: throw .marshall("'\(container)' should be an object")
        }
        self.resolver = resolver
        self.path = ValuePath.parameter
    }

    /// Fields of a record (`'x' property` in errors).
    public init(record json: JSON, path: ValuePath, typeDescription: String, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .object(let o) = json else { throw .marshall("\(path) should be \(typeDescription)") }
        values = o
        self.resolver = resolver
        self.path = ValuePath.property
    }

    public var count: Int { values.count }

    private func present(_ name: String) -> JSON? {
        guard let v = values[name], v != .null else { return nil }
        return v
    }

    /// A required value: absent or null is `'<name>' parameter is required`.
    public func required<T: KurentoValue>(_ name: String, _ type: T.Type = T.self) throws(KurentoError) -> T {
        guard let v = present(name) else { throw .marshall("\(path(name)) is required") }
        return try T(kurento: v, path: path(name), resolver: resolver)
    }

    /// An optional value without a default: nil when absent.
    public func optional<T: KurentoValue>(_ name: String, _ type: T.Type = T.self) throws(KurentoError) -> T? {
        guard let v = present(name) else { return nil }
        return try T(kurento: v, path: path(name), resolver: resolver)
    }

    /// An optional value with a default (the kmd `defaultValue`), used when the value is absent.
    public func optional<T: KurentoValue>(_ name: String, _ type: T.Type = T.self, default fallback: JSON) throws(KurentoError) -> T {
        try T(kurento: present(name) ?? fallback, path: path(name), resolver: resolver)
    }

    /// A required remote object, given by id; `T` is the class protocol's existential (`any MediaElement`).
    public func object<T>(_ name: String, _ type: T.Type, className: String) throws(KurentoError) -> T {
        guard let v = present(name) else { throw .marshall("\(path(name)) is required") }
        return try resolve(v, as: type, className: className, path: path(name))
    }

    /// An optional remote object: nil when absent or null.
    public func optionalObject<T>(_ name: String, _ type: T.Type, className: String) throws(KurentoError) -> T? {
        guard let v = present(name) else { return nil }
        return try resolve(v, as: type, className: className, path: path(name))
    }

    /// A list of remote objects.
    public func objects<T>(_ name: String, _ type: T.Type, className: String, required: Bool) throws(KurentoError) -> [T] {
        guard let v = present(name) else {
            if required { throw .marshall("\(path(name)) is required") }
            return []
        }
        guard case .array(let items) = v else { throw .marshall("\(path(name)) should be a list") }
        var result: [T] = []
        for (i, item) in items.enumerated() {
            result.append(try resolve(item, as: type, className: className, path: path(name).element(i)))
        }
        return result
    }

    private func resolve<T>(_ json: JSON, as type: T.Type, className: String, path: ValuePath) throws(KurentoError) -> T {
        guard case .string(let id) = json else { throw .marshall("\(path) should be a string") }
        let object = try resolver.object(withID: id)
        guard let typed = object as? T else {
            throw .marshall("\(path) should be a \(className), but '\(id)' is not")
        }
        return typed
    }
}

/// Encoding helpers for generated glue.
public enum KurentoEncoding {
    /// A remote object as a value: its id, or null.
    public static func reference(_ object: (any RemoteObject)?) -> JSON {
        object.map { .string($0.objectContext.id) } ?? .null
    }

    public static func references(_ objects: [any RemoteObject]) -> JSON {
        .array(objects.map { .string($0.objectContext.id) })
    }
}
