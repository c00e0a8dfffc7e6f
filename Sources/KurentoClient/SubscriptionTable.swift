import Foundation
import KurentoRuntime

/// The client's event subscriptions: one local stream each, found by object and event type when an
/// `onEvent` comes.
struct SubscriptionTable {
    struct Entry {
        let object: String
        let type: String
        /// The server's subscription id, known once `subscribe` was answered.
        var serverID: String?
        let continuation: AsyncThrowingStream<JSON, any Error>.Continuation
    }

    private(set) var entries: [UUID: Entry] = [:]

    var count: Int { entries.count }

    mutating func add(_ entry: Entry) -> UUID {
        let key = UUID()
        entries[key] = entry
        return key
    }

    mutating func setServerID(_ id: String, for key: UUID) { entries[key]?.serverID = id }

    mutating func remove(_ key: UUID) -> Entry? { entries.removeValue(forKey: key) }

    /// The streams waiting for events of `type` from `object`.
    func matching(object: String, type: String) -> [Entry] {
        entries.values.filter { $0.object == object && $0.type == type }
    }

    /// Removes the subscriptions to `object` and to the objects inside it (ids prefixed by `object/`).
    mutating func removeAll(ofObjectTree object: String) -> [Entry] {
        let keys = entries.filter { $0.value.object == object || $0.value.object.hasPrefix(object + "/") }.map(\.key)
        return keys.compactMap { entries.removeValue(forKey: $0) }
    }

    mutating func removeAll() -> [Entry] {
        defer { entries = [:] }
        return Array(entries.values)
    }
}
