import Foundation
import KurentoRuntime
import KurentoServer
import Synchronization

/// One input of the protocol fuzzer (Fuzz/ProtocolFuzzer), also replayed by ProtocolFuzzRegressionTests: text
/// frames, one a line, each handed to the protocol handler of a fresh in-process server.
///
/// - A line starting with `@1 ` or `@2 ` is sent on a second or third connection (default: the first), so
///   sessions move between connections.
/// - Before sending, `$0`…`$9` become the ids of objects seen so far in responses (the k-th modulo their
///   number) and `$s` the connection's session, so that scripts can reach the objects they create; `newref:`
///   works as usual inside transactions.
/// - Lines mentioning `getUsedCpu` are skipped: it sleeps for as long as it is asked (up to 10 s).
struct ProtocolScript: Sendable {
    struct Frame: Sendable {
        var connection: Int
        var text: String
    }

    static let maxFrames = 32
    static let connections = 3
    var frames: [Frame]

    init(bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        frames = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(Self.maxFrames).map { line in
            if line.hasPrefix("@"), line.count >= 3, let n = line.dropFirst().first?.wholeNumberValue,
               n < Self.connections, line.dropFirst(2).first == " " {
                return Frame(connection: n, text: String(line.dropFirst(3)))
            }
            return Frame(connection: 0, text: String(line))
        }
    }

    /// Runs the script; returns the first broken rule, or nil. Rules: every response is a JSON-RPC 2.0 response
    /// object with the request's id, every notification is JSON, the registry's invariants hold after every
    /// frame, and once every session is closed (released, or unref'd for scripts of an odd number of frames)
    /// only the server manager is left.
    func run() async -> String? {
        let core = KurentoServerCore()
        let handler = KurentoProtocolHandler(dispatcher: core.dispatcher)
        let registry = core.dispatcher.registry
        let sent = Mutex<[String]>([])
        let connections = (0..<Self.connections).map { _ in
            RPCConnection(send: { text in sent.withLock { if $0.count < 1_000 { $0.append(text) } } })
        }
        var ids: [String] = []
        for frame in frames where !frame.text.contains("getUsedCpu") {
            let connection = connections[frame.connection]
            let text = Self.substitute(frame.text, ids: ids, session: connection.sessionID)
            let response = await handler.handle(text, from: connection)
            if let problem = Self.checkResponse(response, to: text) { return "\(problem)\n  request: \(text)" }
            for note in sent.withLock({ s in defer { s.removeAll() }; return s }) where JSON(text: note) == nil {
                return "a notification is not JSON: \(note)"
            }
            if let problem = registry.invariantViolations().first { return "registry: \(problem)\n  after: \(text)" }
            if let response, let json = JSON(text: response) {
                Self.collectIDs(json, registry: registry, into: &ids)
            }
        }
        for connection in connections { handler.connectionClosed(connection) }
        let release = frames.count % 2 == 0
        for session in core.dispatcher.sessionIDs { await core.dispatcher.closeSession(session, release: release) }
        if let problem = registry.invariantViolations().first { return "registry after closing the sessions: \(problem)" }
        let left = registry.ids.filter { $0 != ServerManagerImpl.objectID }
        if !left.isEmpty {
            return "objects outlive every session (\(release ? "release" : "unref")): "
                + left.prefix(5).map { "\($0) held by \(registry.holders(of: $0).sorted())" }.joined(separator: ", ")
        }
        return nil
    }

    static func substitute(_ text: String, ids: [String], session: String?) -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var chars = text.makeIterator()
        while let c = chars.next() {
            guard c == "$", let next = chars.next() else { out.append(c); continue }
            if let k = next.wholeNumberValue, k < 10 {
                out += ids.isEmpty ? "no-object" : ids[k % ids.count]
            } else if next == "s" {
                out += session ?? "no-session"
            } else {
                out.append(c)
                out.append(next)
            }
        }
        return out
    }

    static func checkResponse(_ response: String?, to request: String) -> String? {
        let requestID = JSON(text: request)?["id"]
        guard let response else {
            // Only notifications (requests without an id) go unanswered.
            if let requestID, requestID != .null, JSON(text: request)?["method"]?.stringValue != nil {
                return "no response to a request with id \(requestID.text)"
            }
            return nil
        }
        guard let json = JSON(text: response), case .object(let fields) = json else { return "response is not a JSON object: \(response)" }
        guard fields["jsonrpc"] == .string("2.0") else { return "response without jsonrpc 2.0: \(response)" }
        switch (fields["result"], fields["error"]) {
        case (_?, nil): break
        case (nil, let error?):
            guard case .int = error["code"], error["message"]?.stringValue != nil else { return "malformed error: \(response)" }
        default: return "response needs exactly one of result and error: \(response)"
        }
        // An invalid request is answered with id null; every other answer carries the request's id.
        if let requestID, isInt(requestID) || requestID.stringValue != nil, fields["error"]?["code"] != .int(-32600),
           fields["id"] != requestID {
            return "response id \(fields["id"]?.text ?? "none") differs from request id \(requestID.text)"
        }
        return nil
    }

    private static func isInt(_ json: JSON) -> Bool { if case .int = json { true } else { false } }

    /// Remembers every string of the response that names a live object (at most 64).
    static func collectIDs(_ json: JSON, registry: ObjectRegistry, into ids: inout [String]) {
        switch json {
        case .string(let s) where ids.count < 64 && !ids.contains(s) && registry.object(withID: s) != nil:
            ids.append(s)
        case .array(let items): for item in items { collectIDs(item, registry: registry, into: &ids) }
        case .object(let fields): for key in fields.keys.sorted() { collectIDs(fields[key]!, registry: registry, into: &ids) }
        default: break
        }
    }
}
