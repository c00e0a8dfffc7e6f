/// Runs every validation rule over every module of a schema. Each rule is a named pass that only reports;
/// together they find all problems of a run, not only the first.
public enum Validator {
    /// A rule: looks at one module (with the whole schema for cross-module facts) and reports problems.
    typealias Rule = @Sendable (Module, Schema, inout Diagnostics) -> Void

    static let rules: [(name: String, rule: Rule)] = [
        ("declarations", DeclarationRules.check),
        ("identifiers", IdentifierRules.check),
        ("inheritance", InheritanceRules.check),
        ("members", MemberRules.check),
        ("params", ParamRules.check),
        ("type kinds", TypeKindRules.check),
    ]

    public static func validate(_ schema: Schema, into diags: inout Diagnostics) {
        for name in schema.modules.keys.sorted() { validate(schema.modules[name]!, in: schema, into: &diags) }
    }

    /// Every rule over one module of `schema`.
    static func validate(_ module: Module, in schema: Schema, into diags: inout Diagnostics) {
        for (_, rule) in rules { rule(module, schema, &diags) }
    }
}

/// The key under which two names collide in generated code: letter case and underscores do not count
/// (`fooBar`, `FooBar`, `FOO_BAR` all become the same Swift or file name on some path).
func collisionKey(_ name: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    for b in name.utf8 where b != UInt8(ascii: "_") {
        bytes.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Reports pairs of items whose names are equal (`duplicate`) or equal after case folding (`caseCollision`).
func reportDuplicates<T>(_ items: [T], name: (T) -> String, location: (T) -> SourceLocation,
                         duplicate: DiagnosticID, what: @autoclosure () -> String, _ diags: inout Diagnostics) {
    // Most lists are a handful of params: compare pairwise first and build dictionaries only on a hit.
    if items.count <= 16 {
        let keys = items.map { collisionKey(name($0)) }
        guard keys.indices.contains(where: { i in keys[..<i].contains(keys[i]) }) else { return }
    }
    var exact: [String: T] = [:]
    var folded: [String: T] = [:]
    for item in items {
        let n = name(item)
        if let first = exact[n] {
            diags.error(duplicate, "\(what()) '\(n)' is declared twice", at: location(item),
                        notes: [.init("first declared here", at: location(first))])
            continue
        }
        exact[n] = item
        let key = collisionKey(n)
        if let first = folded[key] {
            diags.error(.caseCollision,
                        "\(what()) '\(n)' and '\(name(first))' differ only in letter case or underscores; they collide in generated code and file names",
                        at: location(item), notes: [.init("'\(name(first))' is declared here", at: location(first))])
            continue
        }
        folded[key] = item
    }
}
