
/// Event subscriptions: which session wants which event type of which object. Indexed by object, so that
/// delivering an event and releasing an object cost the object's subscriptions, not all of them.
final class Subscriptions: Sendable {
    struct Subscription: Hashable {
        var session: String
        var object: String
        var type: String
    }

    private struct State {
        var byID: [String: Subscription] = [:]
        /// Subscription ids per object.
        var byObject: [String: Set<String>] = [:]

        mutating func remove(_ id: String) {
            guard let subscription = byID.removeValue(forKey: id) else { return }
            byObject[subscription.object]?.remove(id)
            if byObject[subscription.object]?.isEmpty == true { byObject[subscription.object] = nil }
        }
    }

    private let state = Locked(State())

    func add(_ subscription: Subscription, id: String) {
        state.withLock { s in
            s.byID[id] = subscription
            s.byObject[subscription.object, default: []].insert(id)
        }
    }

    /// Removes a subscription of a session; unknown ids are ignored (as Kurento does).
    func remove(id: String, session: String) {
        state.withLock { s in
            if s.byID[id]?.session == session { s.remove(id) }
        }
    }

    /// Drops every subscription to the objects.
    func removeAll(objects: some Sequence<String>) {
        state.withLock { s in
            for object in objects {
                guard let ids = s.byObject.removeValue(forKey: object) else { continue }
                for id in ids { s.byID[id] = nil }
            }
        }
    }

    /// Drops a session's subscriptions to the objects (Kurento drops them when the session unrefs an object).
    func removeAll(session: String, objects: some Sequence<String>) {
        state.withLock { s in
            for object in objects {
                for id in s.byObject[object] ?? [] where s.byID[id]?.session == session { s.remove(id) }
            }
        }
    }

    func removeAll(session: String) {
        state.withLock { s in
            for (id, subscription) in s.byID where subscription.session == session { s.remove(id) }
        }
    }

    /// The sessions subscribed to an event of an object, each once, sorted.
    func sessions(object: String, type: String) -> [String] {
        state.withLock { s in
            Set((s.byObject[object] ?? []).compactMap { id in s.byID[id].flatMap { $0.type == type ? $0.session : nil } }).sorted()
        }
    }

    var count: Int { state.withLock { $0.byID.count } }
}
