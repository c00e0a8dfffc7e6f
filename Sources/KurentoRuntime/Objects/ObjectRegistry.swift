
/// Every live object of a server: its glue, its parent and children, and the sessions that hold it.
/// Thread-safe; every operation is one short critical section.
///
/// Holders follow Kurento's `MediaSet`: a session holding an object also holds its ancestors (holding an
/// element holds its pipeline), a new child is held by every session holding its parent, a session's unref
/// of an object also unrefs its descendants, and an object nobody holds any more is released with its
/// descendants. Pinned objects (the server manager) are never released.
public final class ObjectRegistry: ObjectDirectory {
    struct Entry {
        var object: any RemoteObject
        var glue: any RemoteClassGlue.Type
        var parentID: String?
        /// Child ids, each with its creation sequence number (removal is O(1); listing sorts by creation).
        var children: [String: UInt64] = [:]
        /// Sessions holding the object; an object nobody holds any more is released.
        var holders: Set<String>
        /// Created by the server itself (the server manager): neither released nor unheld.
        var pinned = false
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var sequence: UInt64 = 0

        /// A dictionary never gives back its storage: after most objects are gone (a big pipeline released),
        /// the table is rebuilt at its current size so that memory returns to where it was.
        mutating func shrinkIfSparse() {
            if entries.capacity > 1024 && entries.count < entries.capacity / 8 {
                entries = Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value) })
            }
        }
    }

    private let state = Locked(State())

    public init() {}

    public var count: Int { state.withLock { $0.entries.count } }

    /// Forgets every object, pinned ones too: their server is going away. Objects' contexts name this registry,
    /// so without this a registry and the objects left in it (the server manager at least) would keep each
    /// other alive forever.
    func removeAll() { state.withLock { $0.entries.removeAll() } }

    public var ids: [String] { state.withLock { Array($0.entries.keys) }.sorted() }

    public func object(withID id: String) -> (any RemoteObject)? { state.withLock { $0.entries[id]?.object } }

    public func children(of id: String) -> [any RemoteObject] {
        state.withLock { s in
            (s.entries[id]?.children ?? [:]).sorted { $0.value < $1.value }.compactMap { s.entries[$0.key]?.object }
        }
    }

    func entry(_ id: String) -> Entry? { state.withLock { $0.entries[id] } }

    /// The glue that serves an object.
    public func glue(of id: String) -> (any RemoteClassGlue.Type)? { state.withLock { $0.entries[id]?.glue } }

    /// The sessions holding an object.
    public func holders(of id: String) -> Set<String> { state.withLock { $0.entries[id]?.holders ?? [] } }

    /// Adds an object; it is held by `session` (which then also holds the object's ancestors) and by every
    /// session holding its parent. False when the parent disappeared meanwhile (the object is then not added).
    func insert(_ object: any RemoteObject, glue: any RemoteClassGlue.Type, parentID: String?, session: String?,
                pinned: Bool = false) -> Bool {
        let id = object.objectContext.id
        return state.withLock { s in
            var holders: Set<String> = []
            if let parentID {
                // Only the holders are read: a copy of the parent's entry would make the children update below
                // copy the parent's whole child table (quadratic for a pipeline of many elements).
                guard let parentHolders = s.entries[parentID]?.holders else { return false }
                holders = parentHolders
                s.sequence += 1
                s.entries[parentID]!.children[id] = s.sequence
            }
            s.entries[id] = Entry(object: object, glue: glue, parentID: parentID, holders: holders, pinned: pinned)
            if let session { Self.ref(id, session: session, in: &s.entries) }
            return true
        }
    }

    /// Adds a holder to the object and its ancestors; false for an unknown object.
    @discardableResult
    func ref(_ id: String, session: String) -> Bool {
        state.withLock { s in
            guard s.entries[id] != nil else { return false }
            Self.ref(id, session: session, in: &s.entries)
            return true
        }
    }

    private static func ref(_ id: String, session: String, in entries: inout [String: Entry]) {
        var next: String? = id
        while let current = next, entries[current] != nil {
            entries[current]!.holders.insert(session)
            next = entries[current]!.parentID
        }
    }

    /// What an unref changed: the objects the session stopped holding, and the objects released because
    /// nobody holds them any more (children first).
    struct Unref {
        var unheld: [String] = []
        var removed: [(id: String, entry: Entry)] = []
    }

    /// Removes a holder from the object and its descendants; objects left without holders are removed with
    /// their descendants, in the same critical section (no other session can take them meanwhile).
    func unref(_ id: String, session: String) -> Unref {
        state.withLock { s in
            var result = Unref()
            guard s.entries[id] != nil else { return result }
            var orphans: [String] = []
            func unrefTree(_ id: String) {
                guard s.entries[id] != nil else { return }
                if s.entries[id]!.holders.remove(session) != nil { result.unheld.append(id) }
                if s.entries[id]!.holders.isEmpty && !s.entries[id]!.pinned { orphans.append(id) }
                for child in s.entries[id]!.children.keys { unrefTree(child) }
            }
            unrefTree(id)
            // Parents come before their children in `orphans`: removing a parent takes its children with it.
            for orphan in orphans { result.removed += Self.removeTree(orphan, in: &s.entries) }
            if !result.removed.isEmpty { s.shrinkIfSparse() }
            return result
        }
    }

    /// Removes the object and, first, all its descendants; returns the removed entries, children first.
    /// Pinned objects stay.
    func remove(_ id: String) -> [(id: String, entry: Entry)] {
        state.withLock { s in
            guard let pinned = s.entries[id]?.pinned, !pinned else { return [] }
            defer { s.shrinkIfSparse() }
            return Self.removeTree(id, in: &s.entries)
        }
    }

    private static func removeTree(_ id: String, in entries: inout [String: Entry]) -> [(id: String, entry: Entry)] {
        guard let entry = entries[id] else { return [] }
        var removed: [(id: String, entry: Entry)] = []
        func removeSubtree(_ id: String) {
            guard let e = entries.removeValue(forKey: id) else { return }
            for child in e.children.sorted(by: { $0.value < $1.value }) { removeSubtree(child.key) }
            removed.append((id, e))
        }
        removeSubtree(id)
        if let parentID = entry.parentID { entries[parentID]?.children[id] = nil }
        return removed
    }

    /// Objects a session holds.
    func held(by session: String) -> [String] {
        state.withLock { s in s.entries.filter { $0.value.holders.contains(session) }.map(\.key).sorted() }
    }

    /// Checks the registry's invariants: every child exists and names its parent, every parent exists and
    /// lists its children, every session holding an object holds its parent, and only pinned objects are
    /// held by nobody. Returns the problems found (empty when consistent); for tests and fuzzing.
    public func invariantViolations() -> [String] {
        state.withLock { s in
            var problems: [String] = []
            for (id, e) in s.entries {
                if let parent = e.parentID {
                    if let p = s.entries[parent], p.children[id] != nil {
                        if !e.holders.isSubset(of: p.holders) {
                            problems.append("\(id): held by sessions that do not hold its parent \(parent)")
                        }
                    } else {
                        problems.append("\(id): parent \(parent) missing or does not list it")
                    }
                }
                for child in e.children.keys where s.entries[child]?.parentID != id {
                    problems.append("\(id): child \(child) missing or has another parent")
                }
                if e.holders.isEmpty && !e.pinned { problems.append("\(id): held by no session") }
            }
            return problems.sorted()
        }
    }
}
