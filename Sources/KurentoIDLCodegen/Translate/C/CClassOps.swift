import KurentoIDL

/// The operations of a concrete C class: its own methods and property accessors and those of its
/// ancestors in the same module (a C object serves them all; ancestors of other modules are served by
/// the host). Ordered two ways: for the function table (inherited first), and for dispatch (the class's
/// own cases first, then each ancestor's, as the Swift glue falls back to its parent's).
struct CClassOps {
    enum Kind {
        case method(Method, overloaded: Bool)
        case getter(Property)
        case setter(Property)
    }

    struct Op {
        var declaringClass: RemoteClass
        var kind: Kind
        /// The wire operation: `showText`, `getOverlayEnabled`, `setOverlayEnabled`.
        var operation: String
        /// The slot in the function table.
        var member: String
        /// The method's params count, checked in dispatch only for overloads (as the Swift glue does).
        var paramCount: Int?
    }

    /// In function-table order.
    let ops: [Op]
    /// In dispatch order.
    let dispatch: [Op]

    init(_ c: RemoteClass, schema: Schema) {
        let sameModule = schema.ancestors(ofClass: c.qualifiedName).prefix { $0.qualifiedName.module == c.qualifiedName.module }
        let nearestFirst = [c] + sameModule
        var dispatch: [Op] = []
        var seen: Set<String> = []
        for declaring in nearestFirst {
            for op in Self.ownOps(declaring) {
                // A case shadowed by the same case of a subclass is never reached.
                let key = op.operation + (op.paramCount.map { "/\($0)" } ?? "")
                guard seen.insert(key).inserted else { continue }
                dispatch.append(op)
            }
        }
        // Table order: farthest ancestor first; member names unique (create and destroy are taken).
        var scope = CNameScope(reserved: ["create", "destroy"])
        var named: [Op] = []
        let farthestFirst = nearestFirst.reversed()
        for declaring in farthestFirst {
            for op in dispatch where op.declaringClass.qualifiedName == declaring.qualifiedName {
                var op = op
                op.member = scope.claim(op.member)
                named.append(op)
            }
        }
        ops = named
        self.dispatch = dispatch.map { op in named.first { $0.operation == op.operation && $0.paramCount == op.paramCount && $0.declaringClass.qualifiedName == op.declaringClass.qualifiedName }! }
    }

    /// The operations a class declares itself: methods, then for each property its getter and setter.
    static func ownOps(_ c: RemoteClass) -> [Op] {
        let overloaded = Set(Dictionary(grouping: c.methods, by: \.name).filter { $0.value.count > 1 }.keys)
        var result: [Op] = []
        for m in c.methods {
            let isOverloaded = overloaded.contains(m.name)
            let member = CNaming.memberName(m.name) + (isOverloaded ? "_\(m.params.count)" : "")
            result.append(Op(declaringClass: c, kind: .method(m, overloaded: isOverloaded), operation: m.name, member: member,
                             paramCount: isOverloaded ? m.params.count : nil))
        }
        for p in c.properties {
            let cap = p.name.prefix(1).uppercased() + p.name.dropFirst()
            result.append(Op(declaringClass: c, kind: .getter(p), operation: "get" + cap,
                             member: CNaming.memberName("get_" + p.name), paramCount: nil))
            if p.hasSetter {
                result.append(Op(declaringClass: c, kind: .setter(p), operation: "set" + cap,
                                 member: CNaming.memberName("set_" + p.name), paramCount: nil))
            }
        }
        return result
    }
}
