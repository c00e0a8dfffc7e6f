import Foundation

/// An event as a subscriber receives it: the `value` of an `onEvent` notification (reference §6.8).
public struct EventNotification: Sendable, Hashable {
    public var type: String
    public var object: String
    public var data: JSON

    /// `{"type": …, "object": …, "data": …}`
    public var json: JSON { .object(["type": .string(type), "object": .string(object), "data": data]) }
}

/// The sessions of a server: when each was last seen, and where its events go.
final class Sessions: Sendable {
    struct Session {
        var lastSeen: ContinuousClock.Instant
        var listener: (@Sendable (EventNotification) -> Void)?
    }

    private let state = Locked<[String: Session]>([:])

    /// Marks a session alive, creating it when new.
    func touch(_ id: String) {
        state.withLock { table in
            if table[id] == nil { table[id] = Session(lastSeen: .now) } else { table[id]!.lastSeen = .now }
        }
    }

    func exists(_ id: String) -> Bool { state.withLock { $0[id] != nil } }

    func setListener(_ id: String, _ listener: (@Sendable (EventNotification) -> Void)?) {
        state.withLock { table in
            if table[id] == nil { table[id] = Session(lastSeen: .now) }
            table[id]!.listener = listener
        }
    }

    func listener(_ id: String) -> (@Sendable (EventNotification) -> Void)? { state.withLock { $0[id]?.listener } }

    func remove(_ id: String) { state.withLock { $0[id] = nil } }

    var ids: [String] { state.withLock { $0.keys.sorted() } }

    /// Sessions not seen for longer than `age`.
    func idle(longerThan age: Duration) -> [String] {
        let now = ContinuousClock.now
        return state.withLock { table in table.filter { now - $0.value.lastSeen > age }.map(\.key).sorted() }
    }
}
