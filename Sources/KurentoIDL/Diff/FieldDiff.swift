/// The changes of records (fields, parent), enums (values) and events (properties, parent).
///
/// Records travel both ways: clients send them and read them. Events travel from the server to clients only;
/// implementers build them. In generated Swift, a field that is optional without a default is `T?` with a
/// `nil` default in the initializer; any other field is a required initializer argument.
enum FieldDiff {
    static func records(old: Schema, new: Schema, _ o: ComplexType, _ n: ComplexType, into changes: inout ChangeList) {
        if !TypeComparison.same(o.extends, n.extends) {
            changes.add(.typeExtendsChanged, "record '\(n.name)' extends \(name(n.extends)) instead of \(name(o.extends))",
                        at: n.extendsLocation ?? n.location, clients: true, implementers: true)
        }
        let inheritedAfter = Set(new.allProperties(ofComplexType: n.qualifiedName).map(\.name))
        let inheritedBefore = Set(old.allProperties(ofComplexType: o.qualifiedName).map(\.name))
        let (pairs, removed, added) = match(o.properties, n.properties)
        for f in removed where !inheritedAfter.contains(f.name) {
            changes.add(.fieldRemoved, "field '\(n.name).\(f.name)' was removed", at: f.location, clients: true, implementers: true)
        }
        for f in added where !inheritedBefore.contains(f.name) {
            if f.isOptional {
                changes.add(.optionalFieldAdded, "optional field '\(n.name).\(f.name)' was added", at: f.location,
                            implementers: f.defaultValue != nil)
            } else {
                changes.add(.requiredFieldAdded, "required field '\(n.name).\(f.name)' was added", at: f.location,
                            clients: true, implementers: true)
            }
        }
        for (a, b) in pairs {
            let what = "field '\(n.name).\(b.name)'"
            if !TypeComparison.same(a.type, b.type) {
                changes.add(.fieldTypeChanged, "\(what) is \(b.type) instead of \(a.type)", at: b.typeLocation,
                            clients: true, implementers: true)
            }
            if a.isOptional && !b.isOptional {
                changes.add(.fieldBecameRequired, "\(what) became required", at: b.location, clients: true, implementers: true)
            } else if !a.isOptional && b.isOptional {
                changes.add(.fieldBecameOptional, "\(what) became optional; it may be absent", at: b.location,
                            clients: true, implementers: b.defaultValue == nil)
            } else if a.isOptional && b.isOptional && !TypeComparison.same(a.defaultValue, b.defaultValue) {
                changes.add(.fieldDefaultChanged,
                            TypeComparison.defaultChange(of: what, from: a.defaultValue, to: b.defaultValue),
                            at: b.defaultValue?.location ?? b.location, clients: true,
                            implementers: (a.defaultValue == nil) != (b.defaultValue == nil))
            }
        }
    }

    static func enums(_ o: ComplexType, _ n: ComplexType, into changes: inout ChangeList) {
        let before = Set(o.values.map(\.value))
        let after = Set(n.values.map(\.value))
        for v in o.values where !after.contains(v.value) {
            changes.add(.enumValueRemoved, "value \(v.value) of enum '\(n.name)' was removed", at: v.location,
                        clients: true, implementers: true)
        }
        for v in n.values where !before.contains(v.value) {
            changes.add(.enumValueAdded, "value \(v.value) was added to enum '\(n.name)'", at: v.location, implementers: true)
        }
    }

    static func events(old: Schema, new: Schema, _ o: Event, _ n: Event, into changes: inout ChangeList) {
        if !TypeComparison.same(o.extends, n.extends) {
            changes.add(.eventExtendsChanged, "event '\(n.name)' extends \(name(n.extends)) instead of \(name(o.extends))",
                        at: n.extendsLocation ?? n.location, clients: true, implementers: true)
        }
        let inheritedAfter = Set(new.allProperties(ofEvent: n.qualifiedName).map(\.name))
        let inheritedBefore = Set(old.allProperties(ofEvent: o.qualifiedName).map(\.name))
        let (pairs, removed, added) = match(o.properties, n.properties)
        for p in removed where !inheritedAfter.contains(p.name) {
            changes.add(.eventPropertyRemoved, "property '\(p.name)' of event '\(n.name)' was removed", at: p.location,
                        clients: true, implementers: true)
        }
        for p in added where !inheritedBefore.contains(p.name) {
            changes.add(.eventPropertyAdded, "property '\(p.name)' was added to event '\(n.name)'", at: p.location,
                        implementers: !p.isOptional || p.defaultValue != nil)
        }
        for (a, b) in pairs {
            let what = "property '\(b.name)' of event '\(n.name)'"
            if !TypeComparison.same(a.type, b.type) {
                changes.add(.eventPropertyTypeChanged, "\(what) is \(b.type) instead of \(a.type)", at: b.typeLocation,
                            clients: true, implementers: true)
            }
            if !a.isOptional && b.isOptional {
                changes.add(.eventPropertyBecameOptional, "\(what) became optional; it may be absent", at: b.location,
                            clients: true)
            } else if a.isOptional && !b.isOptional {
                changes.add(.eventPropertyBecameRequired, "\(what) became required; it must always be set", at: b.location,
                            implementers: true)
            }
        }
    }

    /// Own fields matched by name: pairs, removed (OLD only), added (NEW only), each in declaration order.
    private static func match(_ old: [Property], _ new: [Property]) -> ([(Property, Property)], [Property], [Property]) {
        let before = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(\.name))
        let pairs = new.compactMap { n in before[n.name].map { ($0, n) } }
        return (pairs, old.filter { !after.contains($0.name) }, new.filter { before[$0.name] == nil })
    }

    private static func name(_ q: QualifiedName?) -> String { q.map { "'\($0.name)'" } ?? "nothing" }
}
