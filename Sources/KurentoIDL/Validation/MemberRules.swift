/// Rules on the members of classes, records, enums and events: unique names (also across inheritance),
/// overrides that keep the signature, accessors that do not clash with methods, well-formed enums.
enum MemberRules {
    static func check(_ module: Module, _ schema: Schema, _ diags: inout Diagnostics) {
        for c in module.remoteClasses { checkClass(c, schema, &diags) }
        for t in module.complexTypes { checkComplexType(t, schema, &diags) }
        for e in module.events {
            let inherited = schema.ancestors(ofEvent: e.qualifiedName).reversed().flatMap(\.properties)
            checkProperties(own: e.properties, inherited: inherited, what: "event property", &diags)
        }
    }

    private static func checkClass(_ c: RemoteClass, _ schema: Schema, _ diags: inout Diagnostics) {
        let ancestors = schema.ancestors(ofClass: c.qualifiedName)
        checkProperties(own: c.properties, inherited: ancestors.reversed().flatMap(\.properties),
                        what: "property", &diags)
        // Methods: one per name and number of params within a class.
        var seen: [String: Method] = [:]
        var folded: [String: Method] = [:]
        for m in c.methods {
            let key = "\(m.name)/\(m.params.count)"
            if let first = seen[key] {
                diags.error(.duplicateMethod, "method '\(m.name)' with \(m.params.count) params is declared twice in '\(c.name)'",
                            at: m.location, notes: [.init("first declared here", at: first.location)])
                continue
            }
            seen[key] = m
            if let first = folded[collisionKey(m.name)], first.name != m.name {
                diags.error(.caseCollision,
                            "method '\(m.name)' and '\(first.name)' differ only in letter case or underscores; they collide in generated code",
                            at: m.location, notes: [.init("'\(first.name)' is declared here", at: first.location)])
            }
            folded[collisionKey(m.name)] = m
            checkOverride(m, in: c, ancestors: ancestors, &diags)
        }
        // Accessors: get<Prop>/set<Prop> are operations on the wire; a method of that name would be unreachable.
        let allProperties = ancestors.flatMap(\.properties) + c.properties
        let allMethods = ancestors.flatMap(\.methods) + c.methods
        let methodNames = Set(allMethods.lazy.map(\.name).filter { $0.hasPrefix("get") || $0.hasPrefix("set") })
        for p in allProperties where !methodNames.isEmpty {
            for accessor in ["get", "set"] {
                if accessor == "set" && !p.hasSetter { continue }
                let op = accessor + p.name.prefix(1).uppercased() + p.name.dropFirst()
                guard methodNames.contains(op), let m = allMethods.first(where: { $0.name == op }) else { continue }
                // Report once, on whichever of the two this class declares.
                let mine = c.methods.contains(m) ? m.location : c.properties.contains(p) ? p.location : nil
                guard let at = mine else { continue }
                diags.error(.accessorCollision,
                            "method '\(op)' has the name of the \(accessor)ter of property '\(p.name)'; on the wire both are the operation '\(op)'",
                            at: at, notes: [.init("property '\(p.name)' is declared here", at: p.location),
                                            .init("method '\(op)' is declared here", at: m.location)])
            }
        }
    }

    /// A method that redeclares an ancestor's method of the same name must keep its signature.
    private static func checkOverride(_ m: Method, in c: RemoteClass, ancestors: [RemoteClass], _ diags: inout Diagnostics) {
        for ancestor in ancestors {
            guard let inherited = ancestor.methods.first(where: { $0.name == m.name }) else { continue }
            if signature(inherited) != signature(m) {
                diags.error(.incompatibleOverride,
                            "method '\(m.name)' of '\(c.name)' redeclares '\(ancestor.name).\(m.name)' with another signature: \(signature(m)) instead of \(signature(inherited))",
                            at: m.location, notes: [.init("inherited method declared here", at: inherited.location)])
            }
            return
        }
    }

    private static func signature(_ m: Method) -> String {
        let params = m.params.map { "\($0.name): \($0.type)\($0.isOptional ? "?" : "")" }.joined(separator: ", ")
        return "(\(params)) -> \(m.returnType?.description ?? "void")"
    }

    /// Own properties must be unique among themselves and must not redeclare inherited ones.
    static func checkProperties(own: [Property], inherited: [Property], what: String, _ diags: inout Diagnostics) {
        reportDuplicates(own, name: \.name, location: \.location, duplicate: .duplicateProperty, what: what, &diags)
        for p in own {
            if let parent = inherited.first(where: { collisionKey($0.name) == collisionKey(p.name) }) {
                let same = parent.name == p.name
                diags.error(same ? .duplicateProperty : .caseCollision,
                            same ? "\(what) '\(p.name)' is already inherited; a type cannot redeclare it"
                                 : "\(what) '\(p.name)' and inherited '\(parent.name)' differ only in letter case or underscores",
                            at: p.location, notes: [.init("inherited '\(parent.name)' is declared here", at: parent.location)])
            }
        }
    }

    private static func checkComplexType(_ t: ComplexType, _ schema: Schema, _ diags: inout Diagnostics) {
        switch t.kind {
        case .record:
            if let first = t.values.first {
                diags.error(.enumShape, "record '\(t.name)' (REGISTER) has 'values'; only an ENUM has values",
                            at: first.location)
            }
            let inherited = schema.ancestors(ofComplexType: t.qualifiedName).reversed().flatMap(\.properties)
            checkProperties(own: t.properties, inherited: inherited, what: "field", &diags)
        case .enumeration:
            if let first = t.properties.first {
                diags.error(.enumShape, "enum '\(t.name)' has 'properties'; only a record (REGISTER) has properties",
                            at: first.location)
            }
            if t.values.isEmpty {
                diags.error(.emptyEnum, "enum '\(t.name)' has no values", at: t.location)
            }
            reportDuplicates(t.values, name: \.value, location: \.location, duplicate: .duplicateEnumValue,
                             what: "enum value", &diags)
        }
    }
}
