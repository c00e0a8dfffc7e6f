import KurentoIDL

/// Where a reference in doc text points: an anchor on the page of a module.
struct DocLink: Equatable {
    var module: String
    var anchor: String
}

/// The declaration or member a doc string belongs to: unqualified members (`:rom:attr:`x``) are looked up there.
struct DocContext {
    var module: String
    var owner: QualifiedName?
}

/// Resolves the targets of Kurento's Sphinx roles to anchors, across every module of the run.
///
/// A declaration name (`MediaElement`, `core.MediaElement`, `kurento.MediaElement`) is looked up in the
/// module of the doc string, then in the modules it imports, then in every other module of the run (sorted by
/// name). A member (`MediaElement.connect`, `MediaType.AUDIO`, or `connect` inside the owner of the doc
/// string) is looked up in its owner and the owner's ancestors; for `:rom:attr:` and `:rom:meth:` a property
/// accessor name (`getMediaState`) finds its property.
struct DocReferenceResolver {
    enum Role: String, CaseIterable {
        case cls = "rom:cls", meth = "rom:meth", attr = "rom:attr", evt = "rom:evt", ref = "rom:ref"
        case enumeration = "rom:enum", term = "term"
    }

    enum DeclarationKind { case remoteClass, record, enumeration, event }

    let schema: Schema
    private let anchors: [String: DocAnchors]
    private let searchOrder: [String: [String]]

    init(schema: Schema) {
        self.schema = schema
        var anchors: [String: DocAnchors] = [:]
        for (name, module) in schema.modules { anchors[name] = DocAnchors(module) }
        self.anchors = anchors
        let all = schema.modules.keys.sorted()
        var order: [String: [String]] = [:]
        for name in all {
            var seen: [String] = [name]
            var queue = schema.modules[name]?.imports.map(\.name) ?? []
            while !queue.isEmpty {
                let next = queue.removeFirst()
                guard !seen.contains(next) else { continue }
                seen.append(next)
                queue += schema.modules[next]?.imports.map(\.name) ?? []
            }
            order[name] = seen + all.filter { !seen.contains($0) }
        }
        self.searchOrder = order
    }

    func anchors(of module: String) -> DocAnchors? { anchors[module] }

    /// The link for a role's target, or nil when it names nothing (or something of the wrong kind).
    func resolve(_ role: Role, _ name: String, in context: DocContext) -> DocLink? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty), parts.count <= 3 else { return nil }
        switch role {
        case .attr, .meth:
            if parts.count == 1 {
                guard let owner = context.owner else { return nil }
                return member(parts[0], of: owner, role: role)
            }
            let qualifier = parts.count == 3 ? parts[0] : nil
            guard let (owner, _) = declaration(parts[parts.count - 2], qualifier: qualifier, from: context.module) else {
                return nil
            }
            return member(parts[parts.count - 1], of: owner, role: role)
        case .cls, .ref, .term, .evt, .enumeration:
            if parts.count == 1 || (parts.count == 2 && isModuleQualifier(parts[0])) {
                let qualifier = parts.count == 2 ? parts[0] : nil
                guard let (q, kind) = declaration(parts[parts.count - 1], qualifier: qualifier, from: context.module),
                      accepts(role, kind) else { return nil }
                return DocLink(module: q.module, anchor: q.name)
            }
            // Owner.member (or module.Owner.member): a member, e.g. the enum value `MediaType.AUDIO`.
            let qualifier = parts.count == 3 ? parts[0] : nil
            guard let (owner, kind) = declaration(parts[parts.count - 2], qualifier: qualifier, from: context.module),
                  accepts(role, kind) else { return nil }
            return member(parts[parts.count - 1], of: owner, role: .attr)
        }
    }

    private func accepts(_ role: Role, _ kind: DeclarationKind) -> Bool {
        switch role {
        case .evt: kind == .event
        case .enumeration: kind == .enumeration
        default: true
        }
    }

    private func isModuleQualifier(_ name: String) -> Bool { name == "kurento" || schema.modules[name] != nil }

    /// A declaration by name, in the search order of `module` (or in the named module).
    func declaration(_ name: String, qualifier: String?, from module: String) -> (QualifiedName, DeclarationKind)? {
        let modules: [String]
        if let qualifier {
            modules = qualifier == "kurento" ? KurentoModules.names : [qualifier]
        } else {
            modules = searchOrder[module] ?? schema.modules.keys.sorted()
        }
        for m in modules {
            let q = QualifiedName(module: m, name: name)
            if schema.remoteClass(q) != nil { return (q, .remoteClass) }
            if let t = schema.complexType(q) { return (q, t.kind == .enumeration ? .enumeration : .record) }
            if schema.event(q) != nil { return (q, .event) }
        }
        return nil
    }

    /// A member of a declaration or of its ancestors.
    private func member(_ name: String, of owner: QualifiedName, role: Role) -> DocLink? {
        if let c = schema.remoteClass(owner) {
            let chain = [c] + schema.ancestors(ofClass: owner)
            let propertyName = Self.accessedProperty(name)
            let lookups: [(RemoteClass) -> String?] = [
                { role == .attr ? self.property(name, of: $0) : self.method(name, of: $0) },
                { role == .attr ? self.method(name, of: $0) : self.property(name, of: $0) },
                { cls in propertyName.flatMap { self.property($0, of: cls) } },
            ]
            for lookup in lookups {
                for cls in chain {
                    if let anchor = lookup(cls) { return DocLink(module: cls.qualifiedName.module, anchor: anchor) }
                }
            }
            return nil
        }
        if let t = schema.complexType(owner) {
            if t.kind == .enumeration {
                return anchors[owner.module]?.owners[owner.name]?.values[name].map { DocLink(module: owner.module, anchor: $0) }
            }
            for record in [t] + schema.ancestors(ofComplexType: owner) {
                if let anchor = anchors[record.qualifiedName.module]?.owners[record.name]?.properties[name] {
                    return DocLink(module: record.qualifiedName.module, anchor: anchor)
                }
            }
            return nil
        }
        if let e = schema.event(owner) {
            for event in [e] + schema.ancestors(ofEvent: owner) {
                if let anchor = anchors[event.qualifiedName.module]?.owners[event.name]?.properties[name] {
                    return DocLink(module: event.qualifiedName.module, anchor: anchor)
                }
            }
        }
        return nil
    }

    private func property(_ name: String, of c: RemoteClass) -> String? {
        anchors[c.qualifiedName.module]?.owners[c.name]?.properties[name]
    }

    /// The first method of that name (the first overload).
    private func method(_ name: String, of c: RemoteClass) -> String? {
        guard let index = c.methods.firstIndex(where: { $0.name == name }) else { return nil }
        let methods = anchors[c.qualifiedName.module]?.owners[c.name]?.methods ?? []
        return index < methods.count ? methods[index] : nil
    }

    /// `getMediaState` / `setMediaState` → `mediaState`.
    static func accessedProperty(_ name: String) -> String? {
        guard name.count > 3, name.hasPrefix("get") || name.hasPrefix("set") else { return nil }
        let rest = name.dropFirst(3)
        guard let first = rest.first, first.isUppercase else { return nil }
        return first.lowercased() + rest.dropFirst()
    }
}
