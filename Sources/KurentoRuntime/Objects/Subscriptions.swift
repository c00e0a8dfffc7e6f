import Synchronization

/// Event subscriptions: which session wants which event type of which object.
final class Subscriptions: Sendable {
    struct Subscription: Hashable {
        var session: String
        var object: String
        var type: String
    }

    private let state = Mutex<[String: Subscription]>([:])

    func add(_ subscription: Subscription, id: String) {
        state.withLock { $0[id] = subscription }
    }

    /// Removes a subscription of a session; unknown ids are ignored (as Kurento does).
    func remove(id: String, session: String) {
        state.withLock { table in
            if table[id]?.session == session { table[id] = nil }
        }
    }

    /// Drops every subscription to the objects.
    func removeAll(objects: Set<String>) {
        state.withLock { table in table = table.filter { !objects.contains($0.value.object) } }
    }

    func removeAll(session: String) {
        state.withLock { table in table = table.filter { $0.value.session != session } }
    }

    /// The sessions subscribed to an event of an object, each once, sorted.
    func sessions(object: String, type: String) -> [String] {
        state.withLock { table in
            Set(table.values.filter { $0.object == object && $0.type == type }.map(\.session)).sorted()
        }
    }

    var count: Int { state.withLock { $0.count } }
}
