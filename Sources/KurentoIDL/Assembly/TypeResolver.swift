/// Resolves the type references of a module into a `Module` (reference §2.5, with kidl's namespace rules):
///
/// - `Name` resolves, in order, to a primitive, to the module's own declaration, then to a declaration of
///   core, elements or filters (when imported). A local type that has the name of a Kurento type therefore
///   wins over it (the Java creator picks the Kurento one); a warning says so at the declaration.
/// - `m.Name` resolves in module `m`, which must be the module itself or one it imports (transitively);
///   `kurento.Name` looks in core, elements and filters, as on the wire.
/// - Types of imported custom modules must be qualified.
struct TypeResolver {
    /// Per module: declaration name → what it is.
    private var tables: [String: [String: TypeRef.Base]] = [:]
    /// Per module: the modules it can see (itself excluded), from its resolved imports.
    private var closures: [String: [String]] = [:]

    init(modules: [ModuleSyntax], imports: [String: [Import]]) {
        for module in modules {
            let name = module.name.value
            var table: [String: TypeRef.Base] = [:]
            for c in module.remoteClasses where table[c.name.value] == nil {
                table[c.name.value] = .remoteClass(QualifiedName(module: name, name: c.name.value))
            }
            for e in module.events where table[e.name.value] == nil {
                table[e.name.value] = .event(QualifiedName(module: name, name: e.name.value))
            }
            for t in module.complexTypes where table[t.name.value] == nil {
                let q = QualifiedName(module: name, name: t.name.value)
                table[t.name.value] = t.typeFormat?.value == "ENUM" ? .enumeration(q) : .record(q)
            }
            tables[name] = table
        }
        for module in modules {
            var seen: [String] = []
            var stack = imports[module.name.value]?.map(\.name).reversed().map { $0 } ?? []
            while let next = stack.popLast() {
                guard !seen.contains(next), next != module.name.value else { continue }
                seen.append(next)
                stack.append(contentsOf: (imports[next] ?? []).map(\.name).reversed())
            }
            closures[module.name.value] = seen
        }
    }

    func resolve(_ m: ModuleSyntax, imports: [Import], diags: inout Diagnostics) -> Module {
        let name = m.name.value
        let r = Resolution(module: name, resolver: self)
        reportShadowing(m, &diags)
        let module = Module(
            name: name,
            version: m.version?.value ?? "",
            kurentoVersion: m.kurentoVersion?.value ?? m.version?.value ?? "",
            kurentoMavenVersion: m.kurentoMavenVersion?.value,
            kurentoNpmVersion: m.kurentoNpmVersion?.value,
            repository: m.repository?.value,
            imports: imports,
            code: m.code,
            remoteClasses: m.remoteClasses.map { r.remoteClass($0, &diags) },
            complexTypes: m.complexTypes.map { r.complexType($0, &diags) },
            events: m.events.map { r.event($0, &diags) },
            files: m.paths,
            location: m.name.location,
            versionLocation: m.version?.location)
        return module
    }

    private func reportShadowing(_ m: ModuleSyntax, _ diags: inout Diagnostics) {
        guard !KurentoModules.contains(m.name.value) else { return }
        let kurento = (closures[m.name.value] ?? []).filter(KurentoModules.contains)
        let names = m.remoteClasses.map(\.name) + m.complexTypes.map(\.name) + m.events.map(\.name)
        for local in names {
            if let owner = kurento.first(where: { tables[$0]?[local.value] != nil }) {
                diags.warning(.shadowsKurentoType,
                              "'\(local.value)' has the name of a type of '\(owner)'; unqualified '\(local.value)' in this module means this one (write '\(owner).\(local.value)' for the other)",
                              at: local.location)
            }
        }
    }

    /// Looks up a written reference from inside `module`.
    func lookup(_ ref: TypeRefSyntax, in module: String) -> Result<TypeRef.Base, LookupError> {
        let visible = closures[module] ?? []
        guard let qualifier = ref.module else {
            if let p = Primitive(rawValue: ref.name) { return .success(.primitive(p)) }
            if let local = tables[module]?[ref.name] { return .success(local) }
            for k in KurentoModules.names where visible.contains(k) {
                if let found = tables[k]?[ref.name] { return .success(found) }
            }
            return .failure(.unknown(suggestion: suggestion(for: ref.name, in: module)))
        }
        let searched: [String]
        if qualifier == module { searched = [module] }
        else if qualifier == "kurento" { searched = KurentoModules.names.filter { visible.contains($0) || $0 == module } }
        else if visible.contains(qualifier) { searched = [qualifier] }
        else { return .failure(.moduleNotImported(qualifier)) }
        for s in searched {
            if let found = tables[s]?[ref.name] { return .success(found) }
        }
        return .failure(.unknown(suggestion: searched.lazy.compactMap { s in
            Spelling.suggestion(for: ref.name, among: (tables[s] ?? [:]).keys).map { "\(qualifier).\($0)" }
        }.first))
    }

    enum LookupError: Error {
        case unknown(suggestion: String?)
        case moduleNotImported(String)
    }

    /// The best did-you-mean for an unqualified name: a qualified exact match in an imported custom module
    /// first, then close spellings among what is visible unqualified.
    private func suggestion(for name: String, in module: String) -> String? {
        let visible = closures[module] ?? []
        if let exact = visible.first(where: { !KurentoModules.contains($0) && tables[$0]?[name] != nil }) {
            return "\(exact).\(name)"
        }
        var candidates = Array((tables[module] ?? [:]).keys) + Primitive.allCases.map(\.rawValue)
        for k in visible where KurentoModules.contains(k) { candidates += (tables[k] ?? [:]).keys }
        return Spelling.suggestion(for: name, among: candidates.sorted())
    }
}

/// Resolution of the declarations of one module.
private struct Resolution {
    let module: String
    let resolver: TypeResolver

    func type(_ ref: Located<TypeRefSyntax>, _ diags: inout Diagnostics) -> TypeRef {
        switch resolver.lookup(ref.value, in: module) {
        case .success(let base): return TypeRef(base, container: ref.value.container)
        case .failure(.moduleNotImported(let other)):
            diags.error(.moduleNotImported,
                        "'\(ref.value)' names module '\(other)', which '\(module)' does not import",
                        at: ref.location)
        case .failure(.unknown(let suggestion)):
            var message = "The type '\(ref.value.module.map { "\($0)." } ?? "")\(ref.value.name)' is not defined in module '\(ref.value.module ?? module)'"
            if ref.value.module == nil { message += " nor in the Kurento modules it imports" }
            if let suggestion { message += "; did you mean '\(suggestion)'?" }
            diags.error(.unknownType, message, at: ref.location)
        }
        return TypeRef(.unresolved(ref.value.description), container: ref.value.container)
    }

    /// The declaration named by `extends` or an `events` entry; a primitive or a list/map type is reported
    /// (KIDL401) instead of being dropped silently.
    func name(_ ref: Located<TypeRefSyntax>?, _ diags: inout Diagnostics) -> QualifiedName? {
        guard let ref else { return nil }
        let resolved = type(ref, &diags)
        let isPrimitive = if case .primitive = resolved.base { true } else { false }
        if isPrimitive || resolved.container != .none {
            diags.error(.wrongKindOfType,
                        "'\(ref.value)' is \(isPrimitive && resolved.container == .none ? "a primitive type" : "a list or map type"); 'extends' and 'events' name a class, complex type or event",
                        at: ref.location)
            return nil
        }
        return resolved.declaration
    }

    // Members are located at their name (as classes, types and events are), where editors should point.
    func property(_ p: PropertySyntax, _ diags: inout Diagnostics) -> Property {
        Property(name: p.name.value, doc: p.doc, docLocation: p.docLocation, type: type(p.type, &diags), typeLocation: p.type.location,
                 isOptional: p.isOptional, defaultValue: p.defaultValue, isReadOnly: p.isReadOnly,
                 isFinal: p.isFinal, location: p.name.location)
    }

    /// A constructor's name location is its `"constructor"` key.
    func method(_ m: MethodSyntax, _ diags: inout Diagnostics) -> Method {
        Method(name: m.name.value, doc: m.doc, docLocation: m.docLocation, params: m.params.map { property($0, &diags) },
               returnType: m.returns.map { type($0.type, &diags) }, returnTypeLocation: m.returns?.type.location,
               returnDoc: m.returns?.doc, returnDocLocation: m.returns?.docLocation, location: m.name.location)
    }

    func remoteClass(_ c: RemoteClassSyntax, _ diags: inout Diagnostics) -> RemoteClass {
        RemoteClass(
            qualifiedName: QualifiedName(module: module, name: c.name.value), doc: c.doc, docLocation: c.docLocation,
            extends: name(c.extends, &diags), extendsLocation: c.extends?.location, isAbstract: c.isAbstract,
            constructor: c.constructor.map { method($0, &diags) },
            properties: c.properties.map { property($0, &diags) },
            methods: c.methods.map { method($0, &diags) },
            events: c.events.compactMap { ref in name(ref, &diags).map { Located($0, at: ref.location) } },
            location: c.name.location)
    }

    func complexType(_ t: ComplexTypeSyntax, _ diags: inout Diagnostics) -> ComplexType {
        if let format = t.typeFormat {
            if format.value != "REGISTER" && format.value != "ENUM" {
                var message = "typeFormat of '\(t.name.value)' is \"\(format.value)\"; it must be \"REGISTER\" (a record) or \"ENUM\""
                if let guess = Spelling.suggestion(for: format.value, among: ["REGISTER", "ENUM"]) {
                    message += "; did you mean \"\(guess)\"?"
                }
                diags.error(.unknownTypeFormat, message, at: format.location)
            }
        } else {
            diags.error(.missingTypeFormat,
                        "complex type '\(t.name.value)' has no typeFormat; add \"typeFormat\": \"REGISTER\" (a record) or \"ENUM\"",
                        at: t.name.location)
        }
        return ComplexType(
            qualifiedName: QualifiedName(module: module, name: t.name.value), doc: t.doc, docLocation: t.docLocation,
            kind: t.typeFormat?.value == "ENUM" ? .enumeration : .record,
            extends: name(t.extends, &diags), extendsLocation: t.extends?.location,
            properties: t.properties.map { property($0, &diags) },
            values: t.values ?? [], location: t.name.location)
    }

    func event(_ e: EventSyntax, _ diags: inout Diagnostics) -> Event {
        Event(qualifiedName: QualifiedName(module: module, name: e.name.value), doc: e.doc, docLocation: e.docLocation,
              extends: name(e.extends, &diags), extendsLocation: e.extends?.location,
              properties: e.properties.map { property($0, &diags) }, location: e.name.location)
    }
}
