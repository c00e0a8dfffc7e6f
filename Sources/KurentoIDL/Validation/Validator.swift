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
        for name in schema.modules.keys.sorted() {
            let module = schema.modules[name]!
            for (_, rule) in rules { rule(module, schema, &diags) }
        }
    }
}

/// The key under which two names collide in generated code: letter case and underscores do not count
/// (`fooBar`, `FooBar`, `FOO_BAR` all become the same Swift or file name on some path).
func collisionKey(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { $0 != "_" })
}

/// Reports pairs of items whose names are equal (`duplicate`) or equal after case folding (`caseCollision`).
func reportDuplicates<T>(_ items: [T], name: (T) -> String, location: (T) -> SourceLocation,
                         duplicate: DiagnosticID, what: String, _ diags: inout Diagnostics) {
    var exact: [String: T] = [:]
    var folded: [String: T] = [:]
    for item in items {
        let n = name(item)
        if let first = exact[n] {
            diags.error(duplicate, "\(what) '\(n)' is declared twice", at: location(item),
                        notes: [.init("first declared here", at: location(first))])
            continue
        }
        exact[n] = item
        let key = collisionKey(n)
        if let first = folded[key] {
            diags.error(.caseCollision,
                        "\(what) '\(n)' and '\(name(first))' differ only in letter case or underscores; they collide in generated code and file names",
                        at: location(item), notes: [.init("'\(name(first))' is declared here", at: location(first))])
            continue
        }
        folded[key] = item
    }
}
