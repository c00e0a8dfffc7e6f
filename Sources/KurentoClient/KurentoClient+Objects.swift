import KurentoRuntime

/// The object methods of the protocol (reference §6.4), in plain JSON.
extension KurentoClient {
    /// `create`: a new object of `type` (`PassThrough`, or qualified: `kurento.PassThrough`); returns its id.
    /// `constructorParams` is left out when empty, as the JavaScript client does.
    public func create(_ type: String, constructorParams: [String: JSON] = [:]) async throws -> String {
        var params: [String: JSON] = ["type": .string(type)]
        if !constructorParams.isEmpty { params["constructorParams"] = .object(constructorParams) }
        let result = try await call("create", params)
        guard case .string(let id)? = result["value"] else {
            throw KurentoClientError(.invalidResponse, "the result of 'create' has no object id: \(result.text)")
        }
        return id
    }

    /// `invoke`: a method or a property accessor (`getName`, `setName`) of an object; returns the result's
    /// `value` (null for void). `operationParams` is left out when nil.
    public func invoke(_ object: String, _ operation: String, _ operationParams: [String: JSON]? = nil) async throws -> JSON {
        var params: [String: JSON] = ["object": .string(object), "operation": .string(operation)]
        if let operationParams { params["operationParams"] = .object(operationParams) }
        return try await call("invoke", params)["value"] ?? .null
    }

    /// `describe`: an object's class and ancestors.
    public func describe(_ object: String) async throws -> ObjectDescription {
        let result = try await call("describe", ["object": .string(object)])
        guard case .string(let type)? = result["type"] else {
            throw KurentoClientError(.invalidResponse, "the result of 'describe' has no type: \(result.text)")
        }
        let description = ObjectDescription(type: type, qualifiedType: result["qualifiedType"]?.stringValue ?? type,
                                            hierarchy: result["hierarchy"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        knownTypes[object] = description.qualifiedType
        return description
    }

    /// `release`: destroys an object and those inside it. Then the client forgets them and ends their event
    /// streams, sending the `unsubscribe`s the JavaScript client sends after a release.
    public func release(_ object: String) async throws {
        _ = try await call("release", ["object": .string(object)])
        forget(objectTree: object)
        for entry in subscriptions.removeAll(ofObjectTree: object) {
            entry.continuation.finish()
            if let id = entry.serverID { post("unsubscribe", ["object": .string(entry.object), "subscription": .string(id)]) }
        }
    }

    /// `ref` / `unref`: makes this client's session a holder of an object (of another session), or not.
    public func ref(_ object: String) async throws {
        _ = try await call("ref", ["object": .string(object)])
    }

    public func unref(_ object: String) async throws {
        _ = try await call("unref", ["object": .string(object)])
    }

    /// `ping`: true when the server answers `pong`.
    public func ping() async throws -> Bool {
        try await call("ping", nil, control: true)["value"] == .string("pong")
    }

    /// Remembers the class of an object (created here, or described).
    func noteType(_ qualifiedType: String, of object: String) {
        knownTypes[object] = qualifiedType
    }

    func knownType(of object: String) -> String? { knownTypes[object] }

    private func forget(objectTree object: String) {
        knownTypes = knownTypes.filter { $0.key != object && !$0.key.hasPrefix(object + "/") }
    }
}
