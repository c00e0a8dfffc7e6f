import KurentoRuntime
import Testing

/// Replays requests.jsonl in order, one WebSocket per original connection, with ids mapped to ours; returns
/// what each sent frame got.
struct ReplayRunner {
    struct Outcome {
        var frame: LoggedFrame
        /// The frame as sent (ids mapped, types substituted).
        var sent: JSON
        var response: JSON
        /// Notifications that arrived on the connection before the response.
        var notifications: [JSON]
        /// The connection's session before this frame (ours), if it had one.
        var sessionBefore: String?
    }

    /// Connections of the original run that a later one replaces: conn 3 is the reconnection of conn 1 after its
    /// socket dropped (`ping` then `connect {sessionId}`), so conn 1 is closed before conn 3 opens.
    static let replaces: [Int: Int] = [3: 1]

    let server: TestServer
    var map = ReplayIDMap()
    private var clients: [Int: WireClient] = [:]
    private(set) var sessions: [Int: String] = [:]

    init(server: TestServer) { self.server = server }

    mutating func run(_ frames: [LoggedFrame], check: (Outcome, inout ReplayIDMap) -> Void) async throws {
        for frame in frames where ReplayPlan.skipped[frame.seq] == nil {
            let client = try await client(for: frame.conn)
            // An original session seen for the first time is the one our server gave this connection.
            for original in Self.sessionIDs(in: frame.frame) {
                if let ours = sessions[frame.conn] { map.recordSession(original: original, ours: ours) }
            }
            let sent = map.rewrite(ReplayPlan.substitutingTypes(frame.frame), step: frame.step)
            let id = try #require(frame.id, "every frame of the log is a request with an id: \(frame.label)")
            let response = try await client.call(raw: sent.text, id: id)
            let outcome = Outcome(frame: frame, sent: sent, response: response, notifications: client.takeNotifications(),
                                  sessionBefore: sessions[frame.conn])
            if let session = response["result"]?["sessionId"]?.stringValue { sessions[frame.conn] = session }
            record(outcome)
            check(outcome, &map)
        }
        for client in clients.values { await client.close() }
        clients = [:]
    }

    private mutating func client(for conn: Int) async throws -> WireClient {
        if let client = clients[conn] { return client }
        if let replaced = Self.replaces[conn], let old = clients.removeValue(forKey: replaced) { await old.close() }
        let client = try await server.connect()
        clients[conn] = client
        return client
    }

    /// Learns the ids our server gave: created objects (also inside transactions) and subscriptions.
    private mutating func record(_ outcome: Outcome) {
        let frame = outcome.frame
        switch frame.method {
        case "create":
            if let ours = outcome.response["result"]?["value"]?.stringValue, let type = frame.params["type"]?.stringValue {
                map.recordCreate(ours: ours, originalType: type, step: frame.step)
            }
        case "transaction":
            let operations = frame.params["operations"]?.arrayValue ?? []
            let responses = outcome.response["result"]?["value"]?.arrayValue ?? []
            for (operation, response) in zip(operations, responses) where operation["method"] == "create" {
                if let ours = response["result"]?["value"]?.stringValue, let type = operation["params"]?["type"]?.stringValue {
                    map.recordCreate(ours: ours, originalType: type, step: frame.step)
                }
            }
        case "subscribe":
            if let ours = outcome.response["result"]?["value"]?.stringValue, let object = outcome.sent["params"]?["object"]?.stringValue {
                map.recordSubscription(ours: ours, object: object)
            }
        default:
            break
        }
    }

    /// The `sessionId` strings anywhere in a frame.
    static func sessionIDs(in json: JSON) -> [String] {
        switch json {
        case .object(let members):
            return members.flatMap { key, value in key == "sessionId" ? (value.stringValue.map { [$0] } ?? []) : sessionIDs(in: value) }
        case .array(let items):
            return items.flatMap(sessionIDs)
        default:
            return []
        }
    }
}
