/// Dependency modules (the role of `-I`) resolved and validated once, for many runs over the same search path
/// (the kmd fuzzer; editors). `Frontend.assemble` reuses a dependency's resolved module and diagnostics when
/// the run reaches it with the same imports, transitively, all of them dependencies too; otherwise (an input
/// module takes the name of one, or an import cycle is entered elsewhere) it does the work again, so a run
/// gives the same result with or without preparation.
struct PreparedDependencies: Sendable {
    /// The dependency modules, in search-path order.
    let modules: [ModuleSyntax]
    private var entries: [String: Entry] = [:]

    /// One dependency's work, and what it was done against.
    struct Entry: Sendable {
        /// The resolved imports of the module and of every module it reaches.
        var imports: [String: [Import]]
        var header: [Diagnostic]
        var module: Module
        var resolution: [Diagnostic]
        var validation: [Diagnostic]
    }

    /// Resolves and validates every module of `modules` (as dependencies of a run without inputs).
    init(_ modules: [ModuleSyntax]) {
        self.modules = modules
        var ignored = Diagnostics()
        var resolver = ImportResolver(inputs: [], dependencies: modules, diags: &ignored)
        for module in modules { resolver.resolve(module.name.value, diags: &ignored) }
        let reached = resolver.order.compactMap { resolver.registry[$0] }
        let types = TypeResolver(modules: reached, imports: resolver.imports)
        var resolved: [(Module, [Diagnostic], [Diagnostic])] = []
        for syntax in reached {
            var header = Diagnostics(), resolution = Diagnostics()
            ModuleHeaderCheck.check(syntax, into: &header)
            let module = types.resolve(syntax, imports: resolver.imports[syntax.name.value] ?? [], diags: &resolution)
            resolved.append((module, header.all, resolution.all))
        }
        let schema = Schema(modules: resolved.map(\.0), inputModules: [])
        for (module, header, resolution) in resolved {
            var validation = Diagnostics()
            Validator.validate(module, in: schema, into: &validation)
            let imports = Self.closure(of: module.name, resolver.imports)
            entries[module.name] = Entry(imports: imports, header: header, module: module,
                                         resolution: resolution, validation: validation.all)
        }
    }

    /// The prepared work for dependency `name` when `resolver` reached it exactly as preparation did, else nil.
    func entry(_ name: String, in resolver: ImportResolver) -> Entry? {
        guard let entry = entries[name] else { return nil }
        for (module, imports) in entry.imports {
            guard resolver.registry[module]?.isDependency == true, resolver.imports[module] == imports else { return nil }
        }
        return entry
    }

    /// The resolved imports of `name` and of every module reachable from it.
    private static func closure(of name: String, _ imports: [String: [Import]]) -> [String: [Import]] {
        var result: [String: [Import]] = [:]
        var stack = [name]
        while let next = stack.popLast() {
            guard result[next] == nil else { continue }
            result[next] = imports[next] ?? []
            stack.append(contentsOf: (imports[next] ?? []).map(\.name))
        }
        return result
    }
}
