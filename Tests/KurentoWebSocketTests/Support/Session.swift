import KurentoRuntime
import Testing

/// A client with a session and shortcuts for the requests tests repeat; every response's envelope is checked.
struct Session {
    let client: WireClient
    let id: String

    /// Connects and opens a session with `connect`.
    static func open(_ server: TestServer) async throws -> Session {
        let client = try await server.connect()
        let result = expectResult(try await client.call("connect", id: 0), id: 0)
        return Session(client: client, id: try #require(result["sessionId"]?.stringValue))
    }

    /// `create`, expecting success; returns the new id.
    func create(_ type: String, _ constructorParams: [String: JSON] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        var params: [String: JSON] = ["type": .string(type), "sessionId": .string(id)]
        if !constructorParams.isEmpty { params["constructorParams"] = .object(constructorParams) }
        let request = client.makeID()
        let response = try await client.call("create", .object(params), id: request)
        let value = expectValue(response, id: request, session: .equal(id), sourceLocation: sourceLocation)
        return try #require(value.stringValue, "create must answer an id string", sourceLocation: sourceLocation)
    }

    /// A pipeline and `count` pass-throughs in it.
    func pipeline(withPassThroughs count: Int = 0) async throws -> (pipeline: String, elements: [String]) {
        let pipeline = try await create("MediaPipeline")
        var elements: [String] = []
        for _ in 0..<count { elements.append(try await create("PassThrough", ["mediaPipeline": .string(pipeline)])) }
        return (pipeline, elements)
    }

    /// `invoke`, expecting success; returns `result.value`.
    @discardableResult
    func invoke(_ object: String, _ operation: String, _ operationParams: [String: JSON]? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSON {
        let response = try await invokeResponse(object, operation, operationParams)
        return expectValue(response, id: response["id"] ?? .null, session: .equal(id), sourceLocation: sourceLocation)
    }

    /// `invoke`, returning the whole response.
    func invokeResponse(_ object: String, _ operation: String, _ operationParams: [String: JSON]? = nil) async throws -> JSON {
        var params: [String: JSON] = ["object": .string(object), "operation": .string(operation), "sessionId": .string(id)]
        if let operationParams { params["operationParams"] = .object(operationParams) }
        return try await client.call("invoke", .object(params))
    }

    /// Any method with this session's id added to `params`; returns the whole response.
    func call(_ method: String, _ params: [String: JSON] = [:]) async throws -> JSON {
        var params = params
        params["sessionId"] = .string(id)
        return try await client.call(method, .object(params))
    }

    /// `subscribe`, expecting success; returns the subscription id.
    func subscribe(_ object: String, _ type: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await call("subscribe", ["object": .string(object), "type": .string(type)])
        let value = expectValue(response, id: response["id"] ?? .null, session: .equal(id), sourceLocation: sourceLocation)
        return try #require(value.stringValue, "subscribe must answer a subscription id string", sourceLocation: sourceLocation)
    }

    func close() async { await client.close() }
}
