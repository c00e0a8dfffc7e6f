import Foundation
import KurentoRuntime
import Testing

/// What a response's `result.sessionId` must be.
enum SessionCheck {
    /// A session id string (every result but a session-less `ping`).
    case present
    case equal(String)
    /// No `sessionId` (a `ping` before any session).
    case absent
}

/// What an error's `data` must be.
enum ErrorDataCheck {
    /// `data.type` equal to this symbolic name.
    case type(String)
    /// No `data` member (JSON-RPC errors such as -32601 and -32000).
    case none
}

/// The envelope of every response (reference §6.2, kurento-client-behaviour.md §4.1): `jsonrpc` "2.0", the
/// request's id, exactly one of `result` and `error`. The JavaScript client drops anything else.
func expectEnvelope(_ response: JSON, id: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response["jsonrpc"] == "2.0", "jsonrpc must be \"2.0\": \(response.text)", sourceLocation: sourceLocation)
    #expect(response["id"] == id, "the response must carry the request's id \(id.text): \(response.text)", sourceLocation: sourceLocation)
    let members = response.objectValue ?? [:]
    #expect((members["result"] != nil) != (members["error"] != nil),
            "exactly one of result and error: \(response.text)", sourceLocation: sourceLocation)
}

/// A success: the envelope, `result` an object (never null) with the session as asked. Returns `result`.
@discardableResult
func expectResult(_ response: JSON, id: JSON, session: SessionCheck = .present,
                  sourceLocation: SourceLocation = #_sourceLocation) -> [String: JSON] {
    expectEnvelope(response, id: id, sourceLocation: sourceLocation)
    guard response["error"] == nil else {
        Issue.record("expected a result, got an error: \(response.text)", sourceLocation: sourceLocation)
        return [:]
    }
    guard let result = response["result"]?.objectValue else {
        Issue.record("result must be an object: \(response.text)", sourceLocation: sourceLocation)
        return [:]
    }
    switch session {
    case .present:
        #expect(result["sessionId"]?.stringValue?.isEmpty == false, "result.sessionId must be a string: \(response.text)",
                sourceLocation: sourceLocation)
    case .equal(let expected):
        #expect(result["sessionId"] == .string(expected), "result.sessionId must be \(expected): \(response.text)",
                sourceLocation: sourceLocation)
    case .absent:
        #expect(result["sessionId"] == nil, "no sessionId expected: \(response.text)", sourceLocation: sourceLocation)
    }
    return result
}

/// A success whose `result.value` is present (possibly null, as for void invokes). Returns the value.
@discardableResult
func expectValue(_ response: JSON, id: JSON, session: SessionCheck = .present,
                 sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
    let result = expectResult(response, id: id, session: session, sourceLocation: sourceLocation)
    guard let value = result["value"] else {
        if response["error"] == nil {
            Issue.record("result.value must be present (null for void): \(response.text)", sourceLocation: sourceLocation)
        }
        return .null
    }
    return value
}

/// An error with `code`, the data as asked and, when given, exactly `message`.
func expectError(_ response: JSON, id: JSON, code: Int, data: ErrorDataCheck, message: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    expectEnvelope(response, id: id, sourceLocation: sourceLocation)
    guard let error = response["error"]?.objectValue else {
        Issue.record("expected error \(code), got: \(response.text)", sourceLocation: sourceLocation)
        return
    }
    #expect(error["code"] == .int(Int64(code)), "error.code must be \(code): \(response.text)", sourceLocation: sourceLocation)
    #expect(error["message"]?.stringValue != nil, "error.message must be a string: \(response.text)", sourceLocation: sourceLocation)
    if let message {
        #expect(error["message"] == .string(message), "error.message must be \"\(message)\": \(response.text)",
                sourceLocation: sourceLocation)
    }
    switch data {
    case .type(let type):
        #expect(error["data"]?["type"] == .string(type), "error.data.type must be \(type): \(response.text)",
                sourceLocation: sourceLocation)
    case .none:
        #expect(error["data"] == nil, "error.data must be absent: \(response.text)", sourceLocation: sourceLocation)
    }
}

/// Object ids of reference §6.3: `[<parent id>/]<uuid>_kurento.<Type>`.
func expectObjectID(_ value: JSON, type: String, module: String = "kurento", parent: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    guard let id = value.stringValue else {
        Issue.record("an object id must be a string, got \(value.text)", sourceLocation: sourceLocation)
        return
    }
    var local = Substring(id)
    if let parent {
        #expect(id.hasPrefix(parent + "/"), "\(id) must start with its parent's id \(parent)/", sourceLocation: sourceLocation)
        local = id.dropFirst(min(id.count, parent.count + 1))
    }
    let parts = local.split(separator: "_", maxSplits: 1)
    #expect(parts.count == 2 && UUID(uuidString: String(parts[0])) != nil && parts[0] == parts[0].lowercased(),
            "\(id): the last part must be <lowercase uuid>_\(module).\(type)", sourceLocation: sourceLocation)
    #expect(parts.last == Substring("\(module).\(type)"), "\(id) must end in _\(module).\(type)", sourceLocation: sourceLocation)
}

extension JSON {
    /// The strings of an array (nil when not an array of strings).
    var strings: [String]? {
        guard let items = arrayValue else { return nil }
        let strings = items.compactMap(\.stringValue)
        return strings.count == items.count ? strings : nil
    }
}
