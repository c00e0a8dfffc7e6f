/// Every resolved module of one run, cross-linked by qualified names, with the lookups generators and
/// validation need.
public struct Schema: Sendable {
    /// The modules by name: the inputs and everything they import.
    public private(set) var modules: [String: Module]
    /// The names of the modules the user asked for, sorted.
    public var inputModules: [String]

    private var classes: [QualifiedName: RemoteClass] = [:]
    private var complexTypes: [QualifiedName: ComplexType] = [:]
    private var events: [QualifiedName: Event] = [:]

    public init(modules: [Module], inputModules: [String]) {
        self.modules = Dictionary(modules.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.inputModules = inputModules.sorted()
        for module in modules {
            for c in module.remoteClasses where classes[c.qualifiedName] == nil { classes[c.qualifiedName] = c }
            for t in module.complexTypes where complexTypes[t.qualifiedName] == nil { complexTypes[t.qualifiedName] = t }
            for e in module.events where events[e.qualifiedName] == nil { events[e.qualifiedName] = e }
        }
    }

    public func remoteClass(_ name: QualifiedName) -> RemoteClass? { classes[name] }
    public func complexType(_ name: QualifiedName) -> ComplexType? { complexTypes[name] }
    public func event(_ name: QualifiedName) -> Event? { events[name] }

    /// Ancestors of a remote class, nearest first; stops at a cycle or an unknown parent.
    public func ancestors(ofClass name: QualifiedName) -> [RemoteClass] {
        chain(from: classes[name]?.extends) { classes[$0].map { ($0, $0.extends) } }
    }

    public func ancestors(ofComplexType name: QualifiedName) -> [ComplexType] {
        chain(from: complexTypes[name]?.extends) { complexTypes[$0].map { ($0, $0.extends) } }
    }

    public func ancestors(ofEvent name: QualifiedName) -> [Event] {
        chain(from: events[name]?.extends) { events[$0].map { ($0, $0.extends) } }
    }

    /// The wire names of a class's ancestors, nearest first: what `describe` returns as `hierarchy`.
    public func hierarchy(ofClass name: QualifiedName) -> [String] {
        ancestors(ofClass: name).map(\.qualifiedName.wireName)
    }

    /// Inherited properties first (farthest ancestor first), then the type's own.
    public func allProperties(ofComplexType name: QualifiedName) -> [Property] {
        (ancestors(ofComplexType: name).reversed().flatMap(\.properties)) + (complexTypes[name]?.properties ?? [])
    }

    public func allProperties(ofEvent name: QualifiedName) -> [Property] {
        (ancestors(ofEvent: name).reversed().flatMap(\.properties)) + (events[name]?.properties ?? [])
    }

    /// Events a class can emit: its own and those declared on its ancestors.
    public func allEvents(ofClass name: QualifiedName) -> [QualifiedName] {
        let own = classes[name]?.events ?? []
        return (own + ancestors(ofClass: name).flatMap(\.events)).map(\.value)
    }

    private func chain<T>(from start: QualifiedName?, _ step: (QualifiedName) -> (T, QualifiedName?)?) -> [T] {
        var result: [T] = []
        var seen: Set<QualifiedName> = []
        var next = start
        while let current = next, seen.insert(current).inserted, let (item, parent) = step(current) {
            result.append(item)
            next = parent
        }
        return result
    }
}
