import KurentoRuntime
import Synchronization

/// The root of the generated proxy classes (`MediaObject`, `MediaElement`, `PassThrough` …): a remote object
/// of one client, known by its id. Proxies are cheap handles; two with the same id and client are equal.
open class KurentoProxy: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The client the object's requests go through.
    public let client: KurentoClient
    private let objectID: Mutex<String>

    /// The proxy of an existing object. `create` is how new objects are made.
    public required init(client: KurentoClient, id: String) {
        self.client = client
        self.objectID = Mutex(id)
    }

    /// The object id; `newref:<n>` for an object created in a transaction not committed yet.
    public var id: String { objectID.withLock { $0 } }

    /// After a transaction's commit: the real id of an object it created.
    func resolve(id: String) { objectID.withLock { $0 = id } }

    /// The class's name in `create` (`PassThrough`).
    open class var kurentoTypeName: String { "" }
    /// The class with its module's wire prefix (`kurento.PassThrough`), as `describe` returns it.
    open class var kurentoQualifiedType: String { "" }

    /// The object as a value in params: its id.
    public var kurentoReference: JSON { .string(id) }

    public var description: String { "\(type(of: self).kurentoTypeName)(\(id))" }

    public static func == (a: KurentoProxy, b: KurentoProxy) -> Bool { a.id == b.id && a.client === b.client }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The object as a value inside a record: an `ObjectReference`.
    public var reference: ObjectReference { ObjectReference(id: id) }

    // MARK: Protocol methods every object has

    /// Destroys the object (and the objects inside it); the client ends its event streams.
    public func release() async throws {
        try await client.release(id)
    }

    /// `release` as an operation of a transaction.
    @discardableResult
    public func release(_ transaction: KurentoTransaction) -> TransactionResult<Void> {
        transaction.add("release", ["object": kurentoReference]) { _ in () }
    }

    /// The object's class and ancestors, as the server sees them.
    public func describe() async throws -> ObjectDescription {
        try await client.describe(id)
    }

    /// The events of one type, subscribed when iteration starts and unsubscribed when it ends.
    public func events<Event: KurentoEventDecodable>(_ type: Event.Type) -> KurentoEvents<Event> {
        KurentoEvents(object: self)
    }

    /// Subscribes now and returns the events of one type; `cancel()` (or dropping the stream) unsubscribes.
    public func subscribe<Event: KurentoEventDecodable>(_ type: Event.Type) async throws -> KurentoEventStream<Event> {
        KurentoEventStream(subscription: try await client.subscribe(id, Event.eventType))
    }

    // MARK: For generated code

    /// Creates an object of the calling class.
    public static func kurentoCreate(_ client: KurentoClient, _ constructorParams: [String: JSON]) async throws -> Self {
        let id = try await client.create(kurentoTypeName, constructorParams: constructorParams)
        await client.noteType(kurentoQualifiedType, of: id)
        return Self(client: client, id: id)
    }

    /// Records the creation of an object of the calling class in a transaction; the proxy's id is
    /// `newref:<n>` until the transaction is committed.
    public static func kurentoCreate(_ transaction: KurentoTransaction, _ constructorParams: [String: JSON]) -> Self {
        var params: [String: JSON] = ["type": .string(kurentoTypeName)]
        if !constructorParams.isEmpty { params["constructorParams"] = .object(constructorParams) }
        let client = transaction.client
        let proxy = Self(client: client, id: "")
        let qualifiedType = kurentoQualifiedType
        // The transaction keeps this closure: it must not hold the transaction (a cycle that leaked both, the
        // proxy and the client with them).
        let operation = transaction.add("create", params) { value in
            guard case .string(let id) = value else {
                throw KurentoClientError(.invalidResponse, "the result of 'create' has no object id: \(value.text)")
            }
            proxy.resolve(id: id)
            await client.noteType(qualifiedType, of: id)
        }
        proxy.resolve(id: operation.newRef)
        return proxy
    }

    /// Invokes an operation of this object; returns the result's value.
    public func kurentoInvoke(_ operation: String, _ params: [String: JSON]?) async throws -> JSON {
        try await client.invoke(id, operation, params)
    }

    /// Records an operation of this object in a transaction.
    public func kurentoInvoke<Value: Sendable>(_ transaction: KurentoTransaction, _ operation: String, _ params: [String: JSON]?,
                                               decode: @escaping @Sendable (JSON) async throws -> Value) -> TransactionResult<Value> {
        var request: [String: JSON] = ["object": kurentoReference, "operation": .string(operation)]
        if let params { request["operationParams"] = .object(params) }
        return transaction.add("invoke", request, decode: decode)
    }

    /// Decodes a value result (primitive, record, enum, list, map).
    public static func kurentoDecode<Value: KurentoValue>(_ json: JSON, _ type: Value.Type, _ operation: String) throws -> Value {
        try Value(kurento: json, path: ValuePath("the result of '\(operation)'"), resolver: NoObjects())
    }

    /// An object result as a proxy of its own class (asking `describe` when needed), nil for null.
    public func kurentoObject<Proxy: KurentoProxy>(_ json: JSON, _ type: Proxy.Type, _ operation: String) async throws -> Proxy? {
        if json.isNull { return nil }
        guard case .string(let id) = json else { throw Self.notAnID(json, operation) }
        return try await client.proxy(id, as: type)
    }

    /// A list of object results as proxies.
    public func kurentoObjects<Proxy: KurentoProxy>(_ json: JSON, _ type: Proxy.Type, _ operation: String) async throws -> [Proxy] {
        guard case .array(let items) = json else { throw Self.notAnID(json, operation) }
        var result: [Proxy] = []
        for item in items {
            guard case .string(let id) = item else { throw Self.notAnID(item, operation) }
            result.append(try await client.proxy(id, as: type))
        }
        return result
    }

    /// An object result in a transaction: a proxy of the declared class (nil for null).
    public static func kurentoObject<Proxy: KurentoProxy>(_ json: JSON, _ type: Proxy.Type, client: KurentoClient, _ operation: String) throws -> Proxy? {
        if json.isNull { return nil }
        guard case .string(let id) = json else { throw notAnID(json, operation) }
        return type.init(client: client, id: id)
    }

    /// A list of object results in a transaction.
    public static func kurentoObjects<Proxy: KurentoProxy>(_ json: JSON, _ type: Proxy.Type, client: KurentoClient, _ operation: String) throws -> [Proxy] {
        guard case .array(let items) = json else { throw notAnID(json, operation) }
        return try items.map { item in
            guard case .string(let id) = item else { throw notAnID(item, operation) }
            return type.init(client: client, id: id)
        }
    }

    private static func notAnID(_ json: JSON, _ operation: String) -> KurentoError {
        .marshall("the result of '\(operation)' should be an object id, not \(json.text)")
    }
}

extension Array where Element: KurentoProxy {
    /// Objects as a value in params: their ids.
    public var kurentoReference: JSON { .array(map(\.kurentoReference)) }
}
