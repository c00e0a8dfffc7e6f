/// The changes of one remote class: parent, abstractness, constructor, properties, methods and events.
/// A member that moves to an ancestor (or from one) is not reported: clients still reach it, and the
/// ancestor's own change is reported there.
struct ClassDiff {
    let old: Schema
    let new: Schema
    let oldClass: RemoteClass
    let newClass: RemoteClass

    private var name: String { newClass.name }

    func compare(into changes: inout ChangeList) {
        compareParent(&changes)
        if oldClass.isAbstract != newClass.isAbstract {
            if newClass.isAbstract {
                changes.add(.classBecameAbstract, "class '\(name)' became abstract; it can no longer be created",
                            at: newClass.location, clients: true)
            } else {
                changes.add(.classBecameConcrete, "class '\(name)' is no longer abstract; it needs a constructor",
                            at: newClass.location, implementers: true)
            }
        } else if let o = oldClass.constructor, let n = newClass.constructor {
            ParamDiff(owner: "the constructor of '\(name)'", old: o, new: n).compare(into: &changes)
        }
        compareProperties(&changes)
        compareMethods(&changes)
        compareEvents(&changes)
    }

    private func compareParent(_ changes: inout ChangeList) {
        guard !TypeComparison.same(oldClass.extends, newClass.extends) else { return }
        let newAncestors = new.ancestors(ofClass: newClass.qualifiedName).map(\.qualifiedName.wireName)
        let keepsOldParent = oldClass.extends.map { newAncestors.contains($0.wireName) } ?? true
        let from = oldClass.extends.map { "'\($0.name)'" } ?? "nothing"
        let to = newClass.extends.map { "'\($0.name)'" } ?? "nothing"
        changes.add(.classExtendsChanged, "class '\(name)' extends \(to) instead of \(from)",
                    at: newClass.extendsLocation ?? newClass.location, clients: !keepsOldParent, implementers: true)
    }

    // MARK: Properties

    private func compareProperties(_ changes: inout ChangeList) {
        let before = Dictionary(oldClass.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(newClass.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let inheritedAfter = Set(new.ancestors(ofClass: newClass.qualifiedName).flatMap { $0.properties.map(\.name) })
        let inheritedBefore = Set(old.ancestors(ofClass: oldClass.qualifiedName).flatMap { $0.properties.map(\.name) })
        for p in oldClass.properties where after[p.name] == nil && !inheritedAfter.contains(p.name) {
            changes.add(.propertyRemoved, "property '\(name).\(p.name)' was removed", at: p.location, clients: true)
        }
        for p in newClass.properties {
            guard let previous = before[p.name] else {
                if !inheritedBefore.contains(p.name) {
                    changes.add(.propertyAdded, "property '\(name).\(p.name)' was added", at: p.location, implementers: true)
                }
                continue
            }
            if !TypeComparison.same(previous.type, p.type) {
                changes.add(.propertyTypeChanged, "property '\(name).\(p.name)' is \(p.type) instead of \(previous.type)",
                            at: p.typeLocation, clients: true, implementers: true)
            }
            if previous.hasSetter && !p.hasSetter {
                changes.add(.propertyBecameReadOnly, "property '\(name).\(p.name)' became \(p.isFinal ? "final" : "read-only"); it has no setter any more",
                            at: p.location, clients: true)
            } else if !previous.hasSetter && p.hasSetter {
                changes.add(.propertyBecameWritable, "property '\(name).\(p.name)' became writable; it needs a setter",
                            at: p.location, implementers: true)
            }
        }
    }

    // MARK: Methods

    private func compareMethods(_ changes: inout ChangeList) {
        let (pairs, removed, added) = Self.pair(oldClass.methods, newClass.methods)
        let inheritedAfter = new.ancestors(ofClass: newClass.qualifiedName).flatMap(\.methods)
        let inheritedBefore = old.ancestors(ofClass: oldClass.qualifiedName).flatMap(\.methods)
        for m in removed where !inheritedAfter.contains(where: { Self.sameShape($0, m) }) {
            changes.add(.methodRemoved, "method '\(name).\(m.name)' with \(Self.count(m.params.count, "param")) was removed",
                        at: m.location, clients: true)
        }
        for m in added where !inheritedBefore.contains(where: { Self.sameShape($0, m) }) {
            changes.add(.methodAdded, "method '\(name).\(m.name)' was added", at: m.location, implementers: true)
        }
        for (o, n) in pairs {
            let what = "method '\(name).\(n.name)'"
            switch (o.returnType, n.returnType) {
            case (nil, let t?):
                changes.add(.returnValueAdded, "\(what) returns \(t) instead of nothing",
                            at: n.returnTypeLocation ?? n.location, implementers: true)
            case (let t?, nil):
                changes.add(.returnTypeChanged, "\(what) returns nothing instead of \(t)", at: n.location,
                            clients: true, implementers: true)
            case let (t?, u?) where !TypeComparison.same(t, u):
                changes.add(.returnTypeChanged, "\(what) returns \(u) instead of \(t)", at: n.returnTypeLocation ?? n.location,
                            clients: true, implementers: true)
            default:
                break
            }
            ParamDiff(owner: what, old: o, new: n).compare(into: &changes)
        }
    }

    /// Methods are matched by name; overloads (same name) by number of params, then the one left of each side.
    static func pair(_ old: [Method], _ new: [Method]) -> (pairs: [(Method, Method)], removed: [Method], added: [Method]) {
        var pairs: [(Method, Method)] = []
        var removed: [Method] = []
        var added: [Method] = []
        var names: [String] = []
        for m in old + new where !names.contains(m.name) { names.append(m.name) }
        for name in names {
            var before = old.filter { $0.name == name }
            var after = new.filter { $0.name == name }
            for o in before {
                if let index = after.firstIndex(where: { $0.params.count == o.params.count }) {
                    pairs.append((o, after.remove(at: index)))
                    before.removeAll { $0 == o }
                }
            }
            if before.count == 1 && after.count == 1 {
                pairs.append((before[0], after[0]))
            } else {
                removed += before
                added += after
            }
        }
        return (pairs, removed, added)
    }

    private static func sameShape(_ a: Method, _ b: Method) -> Bool {
        a.name == b.name && a.params.count == b.params.count
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    // MARK: Events

    /// The events a class can emit, its ancestors' included.
    private func compareEvents(_ changes: inout ChangeList) {
        let before = old.allEvents(ofClass: oldClass.qualifiedName).map(\.wireName)
        let after = new.allEvents(ofClass: newClass.qualifiedName).map(\.wireName)
        for e in newClass.events where !before.contains(e.value.wireName) {
            changes.add(.classEventAdded, "class '\(name)' can emit event '\(e.value.name)'", at: e.location)
        }
        for e in oldClass.events where !after.contains(e.value.wireName) {
            changes.add(.classEventRemoved, "class '\(name)' no longer emits event '\(e.value.name)'", at: e.location,
                        clients: true, implementers: true)
        }
    }
}
