import Synchronization

/// Responses to requests that carried an id and a session, kept for a while (20 s in Kurento) so that a
/// retransmitted request gets the same response without being executed twice (reference §6.7).
///
/// Responses are kept as the text sent, a few times smaller than their value tree: at tens of thousands of
/// requests a second the cache holds hundreds of thousands of them.
final class DuplicateRequestCache: Sendable {
    private struct Key: Hashable {
        var session: String
        var id: JSON
    }

    private struct Entry {
        var response: String
        var at: ContinuousClock.Instant
    }

    private struct State {
        var table: [Key: Entry] = [:]
        /// Keys in the order they were stored, so that expired entries are dropped from the front: storing costs
        /// O(1) amortized however many requests the lifetime covers.
        var order: [(key: Key, at: ContinuousClock.Instant)] = []
        var head = 0
    }

    private let lifetime: Duration
    private let state = Mutex(State())

    init(lifetime: Duration) { self.lifetime = lifetime }

    func response(session: String, id: JSON) -> String? {
        let key = Key(session: session, id: id)
        let now = ContinuousClock.now
        return state.withLock { s in
            guard let entry = s.table[key] else { return nil }
            if now - entry.at > lifetime {
                s.table[key] = nil
                return nil
            }
            return entry.response
        }
    }

    func store(_ response: String, session: String, id: JSON) {
        let now = ContinuousClock.now
        let key = Key(session: session, id: id)
        state.withLock { s in
            while s.head < s.order.count, now - s.order[s.head].at > lifetime {
                let old = s.order[s.head]
                if s.table[old.key]?.at == old.at { s.table[old.key] = nil }
                s.head += 1
            }
            if s.head >= 1024, s.head * 2 >= s.order.count {
                s.order.removeFirst(s.head)
                s.head = 0
            }
            s.table[key] = Entry(response: response, at: now)
            s.order.append((key, now))
        }
    }

    /// Responses kept (expired ones not yet dropped included); for tests.
    var count: Int { state.withLock { $0.table.count } }
}
