import Synchronization

/// Responses to requests that carried an id and a session, kept for a while (20 s in Kurento) so that a
/// retransmitted request gets the same response without being executed twice (reference §6.7).
final class DuplicateRequestCache: Sendable {
    private struct Key: Hashable {
        var session: String
        var id: String
    }

    private let lifetime: Duration
    private let state = Mutex<[Key: (response: JSON, at: ContinuousClock.Instant)]>([:])

    init(lifetime: Duration) { self.lifetime = lifetime }

    func response(session: String, id: JSON) -> JSON? {
        let key = Key(session: session, id: id.text)
        let now = ContinuousClock.now
        return state.withLock { table in
            guard let entry = table[key] else { return nil }
            if now - entry.at > lifetime {
                table[key] = nil
                return nil
            }
            return entry.response
        }
    }

    func store(_ response: JSON, session: String, id: JSON) {
        let now = ContinuousClock.now
        state.withLock { table in
            // Drop expired entries as the table is written, so it never grows without bound.
            if table.count > 1024 { table = table.filter { now - $0.value.at <= lifetime } }
            table[Key(session: session, id: id.text)] = (response, now)
        }
    }
}
