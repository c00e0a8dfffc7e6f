import KurentoIDL

/// The Swift member names of one proxy class's chain (the class, then its ancestors), for what a class
/// declares itself: members an ancestor declares the same way are inherited instead, and names that would
/// collide with inherited ones are changed.
struct ClientMembers {
    let schema: Schema
    /// The class first, then its ancestors, nearest first.
    let chain: [RemoteClass]

    private var ancestors: ArraySlice<RemoteClass> { chain.dropFirst() }

    /// Whether an ancestor declares a method of the same name and params (then the proxy inherits it).
    func inheritsMethod(_ m: Method) -> Bool {
        ancestors.contains { $0.methods.contains { $0.name == m.name && $0.params.map(\.name) == m.params.map(\.name) } }
    }

    func inheritsProperty(_ p: Property) -> Bool {
        ancestors.contains { $0.properties.contains { $0.name == p.name } }
    }

    /// A method's Swift name: its kmd name, with `_` added where a proxy property or function of that name is
    /// inherited.
    func methodName(_ m: Method) -> String {
        let raw = SwiftNaming.rawMemberName(m.name)
        let taken = SwiftClientNaming.inheritedProperties.union(SwiftClientNaming.inheritedFunctions)
            .union(Self.accessorNames(of: Array(ancestors), schema: schema))
        return SwiftNaming.escaped(taken.contains(raw) ? raw + "_" : raw)
    }

    /// The event accessors the class declares (events its ancestors do not declare), with their names.
    var accessors: [(QualifiedName, String)] {
        Self.accessors(chain: chain, schema: schema)
    }

    /// Accessor names of every class of a chain.
    private static func accessorNames(of chain: [RemoteClass], schema: Schema) -> Set<String> {
        var names: Set<String> = []
        for start in chain.indices {
            for (_, name) in accessors(chain: Array(chain[start...]), schema: schema) { names.insert(name) }
        }
        return names
    }

    /// `elementConnected` for `ElementConnected`, or `elementConnectedEvents` where that name is a method, a
    /// property accessor or an inherited member.
    private static func accessors(chain: [RemoteClass], schema: Schema) -> [(QualifiedName, String)] {
        guard let c = chain.first else { return [] }
        let ancestors = Array(chain.dropFirst())
        let inheritedEvents = Set(ancestors.flatMap { $0.events.map(\.value) })
        var taken = SwiftClientNaming.inheritedProperties.union(SwiftClientNaming.inheritedFunctions)
            .union(accessorNames(of: ancestors, schema: schema))
        for k in chain {
            for m in k.methods { taken.insert(SwiftNaming.rawMemberName(m.name)) }
            for p in k.properties {
                let cap = p.name.prefix(1).uppercased() + p.name.dropFirst()
                taken.insert("get" + cap)
                taken.insert("set" + cap)
            }
        }
        var result: [(QualifiedName, String)] = []
        for q in c.events.map(\.value) where !inheritedEvents.contains(q) && !result.contains(where: { $0.0 == q }) {
            var name = SwiftNaming.rawMemberName(q.name)
            if taken.contains(name) { name += "Events" }
            taken.insert(name)
            result.append((q, name))
        }
        return result
    }
}
