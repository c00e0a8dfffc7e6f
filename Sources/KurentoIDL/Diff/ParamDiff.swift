/// The changes of the params of a method or constructor, matched by name (they travel by name on the wire).
///
/// Implementers see a param as the generated Swift protocol has it: an optional param without a default is
/// `T?`, any other param `T` (the glue fills in defaults). A change of that spelling breaks them.
struct ParamDiff {
    /// `method 'Blur.apply'`, `the constructor of 'Blur'`.
    let owner: String
    let old: Method
    let new: Method

    func compare(into changes: inout ChangeList) {
        let before = Dictionary(old.params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for p in old.params where after[p.name] == nil {
            changes.add(.paramRemoved, "param '\(p.name)' of \(owner) was removed", at: p.location,
                        clients: true, implementers: true)
        }
        for p in new.params {
            guard let previous = before[p.name] else {
                if p.isOptional {
                    changes.add(.optionalParamAdded, "optional param '\(p.name)' was added to \(owner)", at: p.location,
                                implementers: true)
                } else {
                    changes.add(.requiredParamAdded, "required param '\(p.name)' was added to \(owner)", at: p.location,
                                clients: true, implementers: true)
                }
                continue
            }
            compare(previous, p, &changes)
        }
        let common = Set(before.keys).intersection(after.keys)
        let oldOrder = old.params.map(\.name).filter(common.contains)
        let newOrder = new.params.map(\.name).filter(common.contains)
        if oldOrder != newOrder {
            changes.add(.paramsReordered, "the params of \(owner) are in another order: \(newOrder.joined(separator: ", ")) instead of \(oldOrder.joined(separator: ", "))",
                        at: new.location, clients: true, implementers: true)
        }
    }

    private func compare(_ o: Property, _ n: Property, _ changes: inout ChangeList) {
        let what = "param '\(n.name)' of \(owner)"
        if !TypeComparison.same(o.type, n.type) {
            changes.add(.paramTypeChanged, "\(what) is \(n.type) instead of \(o.type)", at: n.typeLocation,
                        clients: true, implementers: true)
        }
        if o.isOptional && !n.isOptional {
            changes.add(.paramBecameRequired, "\(what) became required", at: n.location,
                        clients: true, implementers: o.defaultValue == nil)
        } else if !o.isOptional && n.isOptional {
            changes.add(.paramBecameOptional, "\(what) became optional\(n.defaultValue == nil ? " without a default" : "")",
                        at: n.location, implementers: n.defaultValue == nil)
        } else if o.isOptional && n.isOptional && !TypeComparison.same(o.defaultValue, n.defaultValue) {
            let bothSet = o.defaultValue != nil && n.defaultValue != nil
            changes.add(.paramDefaultChanged,
                        TypeComparison.defaultChange(of: what, from: o.defaultValue, to: n.defaultValue),
                        at: n.defaultValue?.location ?? n.location, clients: bothSet, implementers: !bothSet)
        }
    }
}
