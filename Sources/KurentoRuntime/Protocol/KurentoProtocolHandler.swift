import Foundation
import Synchronization

/// The Kurento protocol over any message transport: JSON-RPC 2.0 requests in, responses and `onEvent`
/// notifications out (reference §6, kurento-client-behaviour.md). Sessions are created when absent,
/// remembered per connection and injected into requests that lack one; events go to the newest connection of
/// a session. One connection's requests must be handed in one at a time, in order.
public final class KurentoProtocolHandler: Sendable {
    public let dispatcher: KurentoDispatcher
    /// This server instance's id, returned by `connect`.
    public let serverID = UUID().uuidString.lowercased()
    private let cache: DuplicateRequestCache?
    /// The connection currently serving each session.
    private let routes = Mutex<[String: RPCConnection]>([:])

    /// - Parameter requestCacheLifetime: how long responses are kept for retransmitted requests (nil: no cache).
    public init(dispatcher: KurentoDispatcher, requestCacheLifetime: Duration? = .seconds(20)) {
        self.dispatcher = dispatcher
        self.cache = requestCacheLifetime.map(DuplicateRequestCache.init)
    }

    /// Handles one text frame; returns the response text, or nil for a notification.
    public func handle(_ text: String, from connection: RPCConnection) async -> String? {
        guard let json = JSONParser.parse(text) else {
            return JSONRPC.ErrorResponse(id: .null, code: JSONRPC.parseError, message: "Parse error.", type: "PARSE_ERROR").json.text
        }
        let request: JSONRPC.Request
        switch JSONRPC.parse(json) {
        case .success(let r): request = r
        case .failure(let error): return error.json.text
        }
        // A retransmitted request (same id and session) gets the response it got, without running again.
        let session = session(of: request, on: connection)
        if let id = request.id, let session, let cached = cache?.response(session: session, id: id) { return cached }
        let response = await handle(request, from: connection)
        guard let id = request.id else { return nil }
        let text = response.text
        if let session = session ?? response["result"]?["sessionId"]?.stringValue { cache?.store(text, session: session, id: id) }
        return text
    }

    /// The session a request runs in: the one it names, else (but for `connect`) its connection's.
    private func session(of request: JSONRPC.Request, on connection: RPCConnection) -> String? {
        if let named = request.params["sessionId"] { return named.stringValue }
        return request.method == "connect" ? nil : connection.sessionID
    }

    /// Sessions whose connection closed: the transport tells; their objects are released by `expireSessions`.
    /// Every session the connection served is let go, not only the last one it used.
    public func connectionClosed(_ connection: RPCConnection) {
        routes.withLock { table in
            for (session, route) in table where route === connection {
                table[session] = nil
                dispatcher.setEventListener(session: session, nil)
            }
        }
    }

    /// Keeps the sessions of open connections alive (Kurento does this every collector interval / 4).
    public func keepConnectedSessionsAlive() {
        for session in routes.withLock({ Array($0.keys) }) { dispatcher.touch(session: session) }
    }

    /// Closes the sessions that no connection serves and that were idle longer than `age`, unreffing their
    /// objects: those no other session holds are released (Kurento's garbage collector calls `unrefSession`).
    /// Returns the sessions closed.
    @discardableResult
    public func expireSessions(idleLongerThan age: Duration) async -> [String] {
        let connected = routes.withLock { Set($0.keys) }
        let idle = dispatcher.idleSessions(longerThan: age).filter { !connected.contains($0) }
        for session in idle { await dispatcher.closeSession(session, release: false) }
        return idle
    }

    // MARK: Requests

    func handle(_ request: JSONRPC.Request, from connection: RPCConnection) async -> JSON {
        let id = request.id ?? .null
        var params = request.params
        // `connect` names its session explicitly; every other request gets the connection's session injected.
        if request.method != "connect", params["sessionId"] == nil, let session = connection.sessionID {
            params["sessionId"] = .string(session)
        }
        let response: JSON
        do {
            let result = try await execute(request.method, params, connection: connection)
            // A closed session stays unrouted until it is used again.
            if request.method != "closeSession", let session = result["sessionId"]?.stringValue { associate(connection, with: session) }
            response = JSONRPC.result(id: id, result)
        } catch let error as JSONRPC.ErrorResponse {
            response = JSONRPC.ErrorResponse(id: id, code: error.code, message: error.message, type: error.type).json
        } catch let error as KurentoError {
            response = JSONRPC.ErrorResponse(id: id, error).json
        } catch {
            response = JSONRPC.ErrorResponse(id: id, code: JSONRPC.internalError,
                                             message: "Unexpected error while processing method: \(error)", type: "INTERNAL_ERROR").json
        }
        return response
    }

    /// Routes a session's events to this connection, the newest one using it.
    private func associate(_ connection: RPCConnection, with session: String) {
        connection.remember(session: session)
        // The listener changes under the routes' lock, so that a closing connection cannot clear a newer one's.
        routes.withLock { table in
            guard table[session] !== connection else { return }
            table[session] = connection
            dispatcher.setEventListener(session: session) { [weak connection] event in
                connection?.send(JSONRPC.notification(method: "onEvent", params: .object(["value": event.json])).text)
            }
        }
    }

    private func execute(_ method: String, _ params: [String: JSON], connection: RPCConnection) async throws -> JSON {
        let p = Params(values: params)
        switch method {
        case "ping":
            var result: [String: JSON] = ["value": "pong"]
            if let session = params["sessionId"]?.stringValue { result["sessionId"] = .string(session) }
            return .object(result)
        case "connect":
            if let session = params["sessionId"]?.stringValue {
                try dispatcher.keepAlive(session: session)
                return ["sessionId": .string(session), "serverId": .string(serverID)]
            }
            return ["sessionId": .string(dispatcher.newSession()), "serverId": .string(serverID)]
        case "create":
            let session = p.sessionOrNew(dispatcher)
            let id = try await dispatcher.create(type: try p.string("type"), constructorParams: params["constructorParams"], session: session)
            return ["value": .string(id), "sessionId": .string(session)]
        case "invoke":
            let session = p.sessionOrNew(dispatcher)
            let value = try await dispatcher.invoke(object: try p.string("object"), operation: try p.string("operation"),
                                                    params: params["operationParams"], session: session)
            return ["value": value, "sessionId": .string(session)]
        case "describe":
            let session = p.sessionOrNew(dispatcher)
            let d = try dispatcher.describe(object: try p.string("object"), session: session)
            return ["sessionId": .string(session), "type": .string(d.type), "qualifiedType": .string(d.qualifiedType),
                    "hierarchy": .array(d.hierarchy.map(JSON.string))]
        case "subscribe":
            let session = p.sessionOrNew(dispatcher)
            let subscription = try dispatcher.subscribe(object: try p.string("object"), type: try p.string("type"), session: session)
            return ["value": .string(subscription), "sessionId": .string(session)]
        case "unsubscribe":
            let session = try p.string("sessionId")
            dispatcher.unsubscribe(subscription: try p.string("subscription"), session: session)
            return ["sessionId": .string(session)]
        case "release":
            let session = p.sessionOrNew(dispatcher)
            await dispatcher.release(try p.string("object"))
            return ["sessionId": .string(session)]
        case "ref":
            let session = try p.string("sessionId")
            try dispatcher.ref(try p.string("object"), session: session)
            return ["sessionId": .string(session)]
        case "unref":
            let session = try p.string("sessionId")
            await dispatcher.unref(try p.string("object"), session: session)
            return ["sessionId": .string(session)]
        case "keepAlive":
            let session = try p.string("sessionId")
            try dispatcher.keepAlive(session: session)
            return ["sessionId": .string(session)]
        case "closeSession":
            let session = try p.string("sessionId")
            await dispatcher.closeSession(session, release: params["release"] == .bool(true))
            // Its events no longer go anywhere; a later request of the session routes them again.
            routes.withLock { table in table[session] = nil }
            return ["sessionId": .string(session)]
        case "transaction":
            return try await transaction(params, connection: connection)
        default:
            throw JSONRPC.ErrorResponse(id: .null, code: JSONRPC.methodNotFound, message: "Method not found.", type: nil)
        }
    }

    /// `transaction` (reference §6.6): operations with ids 0, 1, …, run in order with the transaction's session;
    /// `newref:<k>` strings stand for the value of operation k's result; processing stops at the first error.
    private func transaction(_ params: [String: JSON], connection: RPCConnection) async throws -> JSON {
        guard case .array(let operations)? = params["operations"] else {
            throw JSONRPC.ErrorResponse(id: .null, code: JSONRPC.serverError, message: "'operations' parameter is required", type: nil)
        }
        let session = params["sessionId"]?.stringValue
        var responses: [JSON] = []
        for (index, operation) in operations.enumerated() {
            let request: JSONRPC.Request
            switch JSONRPC.parse(operation) {
            case .success(let r): request = r
            case .failure(let error):
                responses.append(JSONRPC.ErrorResponse(id: .int(Int64(index)), code: error.code, message: error.message, type: error.type).json)
                return Self.transactionResult(responses, session: session)
            }
            var response: JSON
            if request.id != .int(Int64(index)) {
                response = JSONRPC.ErrorResponse(id: .int(Int64(index)), .malformedTransaction("Id of request '\(index)' should be '\(index)'")).json
            } else if request.method == "transaction" {
                response = JSONRPC.ErrorResponse(id: .int(Int64(index)), .malformedTransaction("A transaction cannot contain a transaction")).json
            } else {
                var opParams = request.params
                if let session { opParams["sessionId"] = .string(session) }
                switch Result(catching: { () throws(KurentoError) -> JSON in
                    try Self.replaceNewRefs(in: .object(opParams), responses: responses)
                }) {
                case .success(let replaced):
                    let inner = JSONRPC.Request(id: nil, method: request.method, params: replaced.objectValue ?? opParams)
                    response = await handle(inner, from: connection)
                case .failure(let error):
                    response = JSONRPC.ErrorResponse(id: .int(Int64(index)), error).json
                }
                if case .object(var fields) = response { fields["id"] = .int(Int64(index)); response = .object(fields) }
            }
            responses.append(response)
            if response["error"] != nil { break }
        }
        return Self.transactionResult(responses, session: session ?? responses.last?["result"]?["sessionId"]?.stringValue)
    }

    private static func transactionResult(_ responses: [JSON], session: String?) -> JSON {
        var result: [String: JSON] = ["value": .array(responses)]
        if let session { result["sessionId"] = .string(session) }
        return .object(result)
    }

    /// Replaces every `newref:<k>` string by operation k's result value.
    static func replaceNewRefs(in json: JSON, responses: [JSON]) throws(KurentoError) -> JSON {
        switch json {
        case .string(let s) where s.hasPrefix("newref:"):
            guard let index = Int(s.dropFirst("newref:".count)), responses.indices.contains(index) else {
                throw .malformedTransaction("Invalid index of newref '\(s)'")
            }
            guard let value = responses[index]["result"]?["value"] else {
                throw .malformedTransaction("Result not found on request \(index)")
            }
            return value
        case .array(let items):
            var result: [JSON] = []
            for item in items { result.append(try replaceNewRefs(in: item, responses: responses)) }
            return .array(result)
        case .object(let members):
            var result: [String: JSON] = [:]
            for (key, value) in members { result[key] = try replaceNewRefs(in: value, responses: responses) }
            return .object(result)
        default:
            return json
        }
    }

    /// Named params of a request, with the JSON-RPC errors for missing or ill-typed ones.
    private struct Params {
        var values: [String: JSON]

        func string(_ name: String) throws -> String {
            guard let value = values[name], value != .null else {
                throw JSONRPC.ErrorResponse(id: .null, code: JSONRPC.serverError, message: "'\(name)' parameter is required", type: nil)
            }
            guard let s = value.stringValue else {
                throw JSONRPC.ErrorResponse(id: .null, code: JSONRPC.serverError, message: "'\(name)' parameter should be a string", type: nil)
            }
            return s
        }

        /// The request's session, or a new one ("get or create").
        func sessionOrNew(_ dispatcher: KurentoDispatcher) -> String {
            if let s = values["sessionId"]?.stringValue {
                dispatcher.touch(session: s)
                return s
            }
            return dispatcher.newSession()
        }
    }
}
