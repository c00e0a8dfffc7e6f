import KurentoIDL

/// The value types (enums, records, events) a module's C header declares: its own, and every type of
/// another module that they, its classes or the events its classes emit refer to, so that the header
/// stands alone. Ordered so that a struct holding another by value comes after it; a field that would
/// hold its own struct (directly or through others) is boxed behind a pointer instead.
struct CTypeClosure {
    enum Kind { case enumeration, record, event }

    struct Entry {
        var name: QualifiedName
        var kind: Kind
    }

    /// In declaration order: enums first, then records and events, each after the structs it holds by value.
    let entries: [Entry]
    /// (container, field name) pairs whose field is boxed.
    let boxedFields: Set<BoxedField>

    struct BoxedField: Hashable {
        var container: QualifiedName
        var field: String
    }

    init(schema: Schema, module: Module) {
        var kinds: [QualifiedName: Kind] = [:]
        var order: [QualifiedName] = []
        func fields(_ q: QualifiedName, _ kind: Kind) -> [Property] {
            switch kind {
            case .enumeration: []
            case .record: schema.allProperties(ofComplexType: q)
            case .event: schema.allProperties(ofEvent: q)
            }
        }
        func visit(_ t: TypeRef) {
            let entry: (QualifiedName, Kind)
            switch t.base {
            case .enumeration(let q): entry = (q, .enumeration)
            case .record(let q): entry = (q, .record)
            case .event(let q): entry = (q, .event)
            default: return
            }
            guard kinds[entry.0] == nil else { return }
            kinds[entry.0] = entry.1
            order.append(entry.0)
            for p in fields(entry.0, entry.1) { visit(p.type) }
        }
        for t in module.complexTypes {
            visit(TypeRef(t.kind == .enumeration ? .enumeration(t.qualifiedName) : .record(t.qualifiedName)))
        }
        for e in module.events { visit(TypeRef(.event(e.qualifiedName))) }
        for c in module.remoteClasses {
            let params = (c.constructor?.params ?? []) + c.properties + c.methods.flatMap(\.params)
            for t in params.map(\.type) + c.methods.compactMap(\.returnType) { visit(t) }
            for e in schema.allEvents(ofClass: c.qualifiedName) { visit(TypeRef(.event(e))) }
        }

        // By-value edges: a record or event field of record or event type, not in a list or map.
        var edges: [QualifiedName: [(field: String, target: QualifiedName)]] = [:]
        for q in order where kinds[q] != .enumeration {
            for p in fields(q, kinds[q]!) where p.type.container == .none {
                switch p.type.base {
                case .record(let target), .event(let target): edges[q, default: []].append((p.name, target))
                default: break
                }
            }
        }
        // A field is boxed when its type can reach the container again by value.
        func reaches(_ from: QualifiedName, _ goal: QualifiedName) -> Bool {
            var seen: Set<QualifiedName> = []
            var stack = [from]
            while let q = stack.popLast() {
                if q == goal { return true }
                guard seen.insert(q).inserted else { continue }
                stack += (edges[q] ?? []).map(\.target)
            }
            return false
        }
        var boxed: Set<BoxedField> = []
        for (container, list) in edges {
            for edge in list where reaches(edge.target, container) {
                boxed.insert(BoxedField(container: container, field: edge.field))
            }
        }
        // Depth-first on the remaining edges: dependencies first, otherwise first-seen order.
        var placed: Set<QualifiedName> = []
        var sorted: [QualifiedName] = []
        func place(_ q: QualifiedName) {
            guard placed.insert(q).inserted else { return }
            for edge in edges[q] ?? [] where !boxed.contains(BoxedField(container: q, field: edge.field)) {
                place(edge.target)
            }
            sorted.append(q)
        }
        for q in order where kinds[q] == .enumeration { place(q) }
        for q in order where kinds[q] != .enumeration { place(q) }
        entries = sorted.map { Entry(name: $0, kind: kinds[$0]!) }
        boxedFields = boxed
    }

    func isBoxed(_ container: QualifiedName, _ field: String) -> Bool {
        boxedFields.contains(BoxedField(container: container, field: field))
    }
}
