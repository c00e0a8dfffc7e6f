/// The changes of one module: declarations matched by name, then each pair compared by its own kind.
struct ModuleDiff {
    let old: Schema
    let new: Schema
    let oldModule: Module
    let newModule: Module

    /// A class, record, enum or event of a module.
    enum Declaration {
        case remoteClass(RemoteClass)
        case record(ComplexType)
        case enumeration(ComplexType)
        case event(Event)

        var kindName: String {
            switch self {
            case .remoteClass: "class"
            case .record: "record"
            case .enumeration: "enum"
            case .event: "event"
            }
        }

        var location: SourceLocation {
            switch self {
            case .remoteClass(let c): c.location
            case .record(let t), .enumeration(let t): t.location
            case .event(let e): e.location
            }
        }
    }

    static func declarations(_ m: Module) -> [(String, Declaration)] {
        m.remoteClasses.map { ($0.name, .remoteClass($0)) }
            + m.complexTypes.map { ($0.name, $0.kind == .record ? .record($0) : .enumeration($0)) }
            + m.events.map { ($0.name, .event($0)) }
    }

    func compare(into changes: inout ChangeList) {
        let before = Dictionary(Self.declarations(oldModule), uniquingKeysWith: { first, _ in first })
        let after = Dictionary(Self.declarations(newModule), uniquingKeysWith: { first, _ in first })
        for (name, declaration) in Self.declarations(oldModule) where after[name] == nil {
            removed(name, declaration, &changes)
        }
        for (name, declaration) in Self.declarations(newModule) {
            guard let previous = before[name] else {
                added(name, declaration, &changes)
                continue
            }
            switch (previous, declaration) {
            case let (.remoteClass(o), .remoteClass(n)):
                ClassDiff(old: old, new: new, oldClass: o, newClass: n).compare(into: &changes)
            case let (.record(o), .record(n)):
                FieldDiff.records(old: old, new: new, o, n, into: &changes)
            case let (.enumeration(o), .enumeration(n)):
                FieldDiff.enums(o, n, into: &changes)
            case let (.event(o), .event(n)):
                FieldDiff.events(old: old, new: new, o, n, into: &changes)
            case (.record, .enumeration), (.enumeration, .record):
                changes.add(.typeKindChanged, "'\(name)' is \(article(declaration.kindName)) instead of \(article(previous.kindName))",
                            at: declaration.location, clients: true, implementers: true)
            default:
                changes.add(.declarationKindChanged, "'\(name)' is \(article(declaration.kindName)) instead of \(article(previous.kindName))",
                            at: declaration.location, clients: true, implementers: true)
            }
        }
    }

    private func removed(_ name: String, _ declaration: Declaration, _ changes: inout ChangeList) {
        switch declaration {
        case .remoteClass(let c):
            changes.add(.classRemoved, "class '\(name)' was removed", at: c.location, clients: true)
        case .record(let t), .enumeration(let t):
            changes.add(.typeRemoved, "\(declaration.kindName) '\(name)' was removed", at: t.location, clients: true)
        case .event(let e):
            changes.add(.eventRemoved, "event '\(name)' was removed", at: e.location, clients: true, implementers: true)
        }
    }

    private func added(_ name: String, _ declaration: Declaration, _ changes: inout ChangeList) {
        switch declaration {
        case .remoteClass(let c):
            changes.add(.classAdded, "\(c.isAbstract ? "abstract " : "")class '\(name)' was added", at: c.location,
                        implementers: !c.isAbstract)
        case .record(let t), .enumeration(let t):
            changes.add(.typeAdded, "\(declaration.kindName) '\(name)' was added", at: t.location)
        case .event(let e):
            changes.add(.eventAdded, "event '\(name)' was added", at: e.location)
        }
    }
}
