/// Every name becomes a Swift, C and often a file name: only letters, digits and `_`, not starting with a
/// digit. (Keywords are fine: generators escape them.)
enum IdentifierRules {
    static func check(_ module: Module, _ schema: Schema, _ diags: inout Diagnostics) {
        func require(_ name: String, _ what: String, _ location: SourceLocation) {
            guard !Identifier.isValid(name) else { return }
            let shown = name.isEmpty ? "an empty name" : "'\(name)'"
            diags.error(.invalidIdentifier,
                        "\(what) \(shown) is not an identifier: use letters, digits and '_', not starting with a digit (names become code and file names)",
                        at: location)
        }
        func properties(_ ps: [Property], _ what: String) {
            for p in ps { require(p.name, what, p.location) }
        }
        for c in module.remoteClasses {
            require(c.name, "remote class", c.location)
            properties(c.properties, "property")
            if let ctor = c.constructor { properties(ctor.params, "constructor param") }
            for m in c.methods {
                require(m.name, "method", m.location)
                properties(m.params, "param")
            }
        }
        for t in module.complexTypes {
            require(t.name, t.kind == .enumeration ? "enum" : "record", t.location)
            properties(t.properties, "field")
            for v in t.values { require(v.value, "enum value", v.location) }
        }
        for e in module.events {
            require(e.name, "event", e.location)
            properties(e.properties, "event property")
        }
    }
}
