/// Where a type is used, it must be of a kind that can be used there: params, properties, fields and returns
/// cannot be events (events are notifications, not values); a class's `events` must name events.
enum TypeKindRules {
    static func check(_ module: Module, _ schema: Schema, _ diags: inout Diagnostics) {
        func value(_ type: TypeRef, at location: SourceLocation, _ what: String) {
            guard case .event(let e) = type.base else { return }
            diags.error(.wrongKindOfType,
                        "\(what) has type '\(type)', which is an event; events are emitted, not passed as values",
                        at: location, notes: InheritanceRules.declarationNote(e, schema))
        }
        func properties(_ ps: [Property], _ what: String) {
            for p in ps { value(p.type, at: p.typeLocation, "\(what) '\(p.name)'") }
        }
        for c in module.remoteClasses {
            properties(c.properties, "property")
            if let ctor = c.constructor { properties(ctor.params, "constructor param") }
            for m in c.methods {
                properties(m.params, "param")
                if let r = m.returnType, let at = m.returnTypeLocation { value(r, at: at, "the return of '\(m.name)'") }
            }
            for e in c.events where schema.event(e.value) == nil {
                diags.error(.wrongKindOfType,
                            "'events' of remote class '\(c.name)' lists '\(e.value.name)', which is \(InheritanceRules.describeKind(e.value, schema)), not an event",
                            at: e.location, notes: InheritanceRules.declarationNote(e.value, schema))
            }
        }
        for t in module.complexTypes { properties(t.properties, "field") }
        for e in module.events { properties(e.properties, "event property") }
    }
}
