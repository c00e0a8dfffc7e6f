import Synchronization

/// Every live object of a server: its glue, its parent and children, and the sessions that hold it.
/// Thread-safe; every operation is one short critical section.
public final class ObjectRegistry: ObjectDirectory {
    struct Entry {
        var object: any RemoteObject
        var glue: any RemoteClassGlue.Type
        var parentID: String?
        /// Child ids in creation order.
        var children: [String] = []
        /// Sessions holding the object; an object nobody holds any more is released.
        var holders: Set<String>
    }

    private let state = Mutex<[String: Entry]>([:])

    public init() {}

    public var count: Int { state.withLock { $0.count } }
    public var ids: [String] { state.withLock { Array($0.keys) }.sorted() }

    public func object(withID id: String) -> (any RemoteObject)? { state.withLock { $0[id]?.object } }

    public func children(of id: String) -> [any RemoteObject] {
        state.withLock { entries in (entries[id]?.children ?? []).compactMap { entries[$0]?.object } }
    }

    func entry(_ id: String) -> Entry? { state.withLock { $0[id] } }

    /// The glue that serves an object.
    public func glue(of id: String) -> (any RemoteClassGlue.Type)? { state.withLock { $0[id]?.glue } }

    /// The sessions holding an object.
    public func holders(of id: String) -> Set<String> { state.withLock { $0[id]?.holders ?? [] } }

    /// Adds an object; it is held by `session` and by every session holding its parent. False when the parent
    /// disappeared meanwhile (the object is then not added).
    func insert(_ object: any RemoteObject, glue: any RemoteClassGlue.Type, parentID: String?, session: String?) -> Bool {
        let id = object.objectContext.id
        return state.withLock { entries in
            var holders: Set<String> = session.map { [$0] } ?? []
            if let parentID {
                guard entries[parentID] != nil else { return false }
                entries[parentID]!.children.append(id)
                holders.formUnion(entries[parentID]!.holders)
            }
            entries[id] = Entry(object: object, glue: glue, parentID: parentID, holders: holders)
            return true
        }
    }

    /// Adds a holder; false for an unknown object.
    @discardableResult
    func ref(_ id: String, session: String) -> Bool {
        state.withLock { entries in
            guard entries[id] != nil else { return false }
            entries[id]!.holders.insert(session)
            return true
        }
    }

    /// Removes a holder; returns true when nobody holds the object any more.
    func unref(_ id: String, session: String) -> Bool {
        state.withLock { entries in
            guard entries[id] != nil else { return false }
            entries[id]!.holders.remove(session)
            return entries[id]!.holders.isEmpty
        }
    }

    /// Removes the object and, first, all its descendants; returns the removed entries, children first.
    func remove(_ id: String) -> [(id: String, entry: Entry)] {
        state.withLock { entries in
            guard let entry = entries[id] else { return [] }
            var removed: [(String, Entry)] = []
            func removeTree(_ id: String) {
                guard let e = entries[id] else { return }
                for child in e.children { removeTree(child) }
                entries[id] = nil
                removed.append((id, e))
            }
            removeTree(id)
            if let parentID = entry.parentID { entries[parentID]?.children.removeAll { $0 == id } }
            return removed
        }
    }

    /// Objects a session holds.
    func held(by session: String) -> [String] {
        state.withLock { entries in entries.filter { $0.value.holders.contains(session) }.map(\.key).sorted() }
    }

    /// Checks the registry's invariants: every child exists and names its parent, every parent exists.
    /// Returns the problems found (empty when consistent); for tests and fuzzing.
    public func invariantViolations() -> [String] {
        state.withLock { entries in
            var problems: [String] = []
            for (id, e) in entries {
                if let parent = e.parentID, entries[parent]?.children.contains(id) != true {
                    problems.append("\(id): parent \(parent) missing or does not list it")
                }
                for child in e.children where entries[child]?.parentID != id {
                    problems.append("\(id): child \(child) missing or has another parent")
                }
            }
            return problems.sorted()
        }
    }
}
