import KurentoRuntime

/// A message from the server, read: a response to a request, or a notification (`onEvent`).
enum ResponseMessage {
    case response(id: Int64, Result<JSON, any Error>)
    case notification(method: String, params: JSON)
    /// Not usable: not JSON, no usable id, both or neither of `result` and `error`.
    case invalid(String)

    init(text: String) {
        guard let json = JSON(text: text), case .object(let fields) = json else {
            self = .invalid("not a JSON object")
            return
        }
        if case .string(let method)? = fields["method"] {
            self = .notification(method: method, params: fields["params"] ?? .null)
            return
        }
        guard fields["jsonrpc"] == .string("2.0") else {
            self = .invalid("'jsonrpc' is not \"2.0\"")
            return
        }
        guard let id = Self.requestID(fields["id"]) else {
            self = .invalid("no request id")
            return
        }
        switch (fields["result"], fields["error"]) {
        case (let result?, nil):
            // Kurento always answers with an object; a bare null (seen from deviating servers) means no value.
            self = .response(id: id, .success(result.isNull ? .object([:]) : result))
        case (nil, let error?):
            self = .response(id: id, .failure(Self.error(error)))
        default:
            self = .response(id: id, .failure(KurentoClientError(.invalidResponse, "a response needs exactly one of 'result' and 'error'")))
        }
    }

    /// Ids are the client's own integers; a server may echo them as numbers or numeric strings.
    private static func requestID(_ json: JSON?) -> Int64? {
        switch json {
        case .int(let i)?: i
        case .double(let d)?: Int64(exactly: d)
        case .string(let s)?: Int64(s)
        default: nil
        }
    }

    /// `{code, message, data: {type}}` as a `KurentoError`; the type is empty when the server sent none.
    static func error(_ json: JSON) -> KurentoError {
        let code: Int = switch json["code"] {
        case .int(let i)?: Int(i)
        case .double(let d)?: Int(exactly: d) ?? 0
        default: 0
        }
        let message = json["message"]?.stringValue ?? json.text
        let type = json["data"]?["type"]?.stringValue ?? ""
        return KurentoError(code: code, type: type, message: message)
    }
}
