/// Equality of types and default values as the API sees them.
enum TypeComparison {
    /// Types are the same when they name the same thing on the wire: moving a type between core, elements and
    /// filters (all `kurento.X`) changes nothing.
    static func key(_ t: TypeRef) -> String {
        let base: String = switch t.base {
        case .primitive(let p): p.rawValue
        case .remoteClass(let q), .record(let q), .enumeration(let q), .event(let q): q.wireName
        case .unresolved(let s): s
        }
        return base + t.container.rawValue
    }

    static func same(_ a: TypeRef, _ b: TypeRef) -> Bool { key(a) == key(b) }

    static func same(_ a: QualifiedName?, _ b: QualifiedName?) -> Bool { a?.wireName == b?.wireName }

    /// JSON values compared by content: object members in any order, numbers by value (`5` = `5.0`).
    static func same(_ a: JSONNode?, _ b: JSONNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return same(a.value, b.value)
        default: return false
        }
    }

    private static func same(_ a: JSONNode.Value, _ b: JSONNode.Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0.value, $1.value) }
        case let (.object(x), .object(y)):
            let left = Dictionary(x.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let right = Dictionary(y.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            return left.count == right.count && left.allSatisfy { key, value in right[key].map { same(value, $0) } ?? false }
        default: return false
        }
    }

    /// A default value as one line of JSON.
    static func text(_ value: JSONNode?) -> String {
        value.map { JSONWriter.writeCompact($0, sortKeys: false) } ?? "none"
    }

    /// `the default of X is 2 instead of 1`, `X has no default any more (it was 1)`, `X has the default 2 now`.
    static func defaultChange(of what: String, from old: JSONNode?, to new: JSONNode?) -> String {
        switch (old, new) {
        case (nil, let n?): "\(what) has the default \(text(n)) now"
        case (let o?, nil): "\(what) has no default any more (it was \(text(o)))"
        default: "the default of \(what) is \(text(new)) instead of \(text(old))"
        }
    }
}
