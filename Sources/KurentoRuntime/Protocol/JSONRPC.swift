/// JSON-RPC 2.0 as the Kurento protocol uses it (reference §6.2): requests, notifications, results, errors.
public enum JSONRPC {
    public struct Request: Sendable {
        /// Nil for a notification (no response is sent).
        public var id: JSON?
        public var method: String
        public var params: [String: JSON]
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverError = -32000

    /// Reads a request; the error is the response to send (with a null id when the id is unusable).
    public static func parse(_ json: JSON) -> Result<Request, ErrorResponse> {
        guard case .object(let fields) = json else {
            return .failure(.init(id: .null, code: invalidRequest, message: "Invalid JSON-RPC request.", type: "INVALID_REQUEST"))
        }
        let id = fields["id"]
        if let id, !(id.isNumber || id.stringValue != nil || id == .null) {
            return .failure(.init(id: .null, code: invalidRequest, message: "Invalid JSON-RPC request.", type: "INVALID_REQUEST"))
        }
        guard fields["jsonrpc"] == .string("2.0"), case .string(let method)? = fields["method"] else {
            return .failure(.init(id: id ?? .null, code: invalidRequest, message: "Invalid JSON-RPC request.", type: "INVALID_REQUEST"))
        }
        switch fields["params"] {
        case nil, .null?: return .success(Request(id: id, method: method, params: [:]))
        case .object(let params)?: return .success(Request(id: id, method: method, params: params))
        default:
            return .failure(.init(id: id ?? .null, code: invalidParams, message: "'params' should be an object", type: "INVALID_PARAMS"))
        }
    }

    public struct ErrorResponse: Error, Sendable {
        public var id: JSON
        public var code: Int
        public var message: String
        /// `data.type`; nil for errors that carry no data (method not found, as in Kurento).
        public var type: String?

        public init(id: JSON, code: Int, message: String, type: String?) {
            self.id = id
            self.code = code
            self.message = message
            self.type = type
        }

        public init(id: JSON, _ error: KurentoError) {
            self.init(id: id, code: error.code, message: error.message, type: error.type)
        }

        public var json: JSON {
            var error: [String: JSON] = ["code": .int(Int64(code)), "message": .string(message)]
            if let type { error["data"] = .object(["type": .string(type)]) }
            return .object(["jsonrpc": "2.0", "id": id, "error": .object(error)])
        }
    }

    public static func result(id: JSON, _ result: JSON) -> JSON {
        .object(["jsonrpc": "2.0", "id": id, "result": result])
    }

    /// A server-to-client notification (`onEvent`).
    public static func notification(method: String, params: JSON) -> JSON {
        .object(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }
}

extension JSON {
    var isNumber: Bool {
        switch self {
        case .int, .double: true
        default: false
        }
    }
}
