import Foundation

/// The whole front end in one call: find files, read, decode, group and fuse modules, resolve imports and
/// types, validate. Every problem of every stage is collected; nothing stops at the first one.
public struct Frontend {
    public var inputs: [String]
    public var searchPaths: [String]
    /// The folder that paths in diagnostics and generated headers are relative to (default: the working directory).
    public var baseDirectory: String?

    public init(inputs: [String], searchPaths: [String] = [], baseDirectory: String? = nil) {
        self.inputs = inputs
        self.searchPaths = searchPaths
        self.baseDirectory = baseDirectory
    }

    public struct Result: Sendable {
        /// Nil when the inputs could not be assembled into modules at all.
        public var schema: Schema?
        public var diagnostics: Diagnostics
        /// How long each stage took, in order: for `--timing` and benchmarks.
        public var timings: [(stage: String, duration: Duration)] = []
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    public func run() -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        var diags = Diagnostics()
        let inputFiles = InputDiscovery.kmdFiles(in: inputs, relativeTo: baseDirectory, diags: &diags)
        if inputFiles.isEmpty && !diags.hasErrors {
            diags.error(.noInputFiles, "No kmd files found in paths: \(inputs.joined(separator: ", "))", at: nil)
        }
        let inputModules = Self.modules(from: inputFiles, isDependency: false, &diags)
        var dependencyDiags = Diagnostics()
        let inputSet = Set(inputFiles.map(\.displayPath))
        let dependencyFiles = InputDiscovery.kmdFiles(in: searchPaths, relativeTo: baseDirectory, diags: &dependencyDiags)
            .filter { !inputSet.contains($0.displayPath) }
        let dependencies = Self.modules(from: dependencyFiles, isDependency: true, &dependencyDiags)
        let read = clock.now
        var result = Self.assemble(inputs: inputModules, dependencies: dependencies,
                                   diags: diags, dependencyDiags: dependencyDiags)
        let end = clock.now
        result.timings = [("read", read - start), ("resolve and validate", end - read), ("total", end - start)]
        return result
    }

    /// Assembles already-loaded modules; used by `run()` and by tests that build modules in memory.
    static func assemble(inputs: [ModuleSyntax], dependencies: [ModuleSyntax],
                         diags: Diagnostics, dependencyDiags: Diagnostics) -> Result {
        assemble(inputs: inputs, dependencies: dependencies, prepared: nil, diags: diags, dependencyDiags: dependencyDiags)
    }

    /// Assembles already-loaded modules, reusing the work `dependencies` prepared where it applies.
    static func assemble(inputs: [ModuleSyntax], dependencies: PreparedDependencies,
                         diags: Diagnostics, dependencyDiags: Diagnostics) -> Result {
        assemble(inputs: inputs, dependencies: dependencies.modules, prepared: dependencies,
                 diags: diags, dependencyDiags: dependencyDiags)
    }

    private static func assemble(inputs: [ModuleSyntax], dependencies: [ModuleSyntax], prepared: PreparedDependencies?,
                                 diags: Diagnostics, dependencyDiags: Diagnostics) -> Result {
        var diags = diags
        var dependencyDiags = dependencyDiags
        var resolver = ImportResolver(inputs: inputs, dependencies: dependencies, diags: &diags)
        // Header problems of dependencies that are never imported do not concern this run.
        for module in inputs { ModuleHeaderCheck.check(module, into: &diags) }
        for module in inputs.sorted(by: { $0.name.value < $1.name.value }) {
            resolver.resolve(module.name.value, diags: &diags)
        }
        let reached = resolver.order.compactMap { resolver.registry[$0] }
        var reused: [String: PreparedDependencies.Entry] = [:]
        for module in reached where module.isDependency {
            if let entry = prepared?.entry(module.name.value, in: resolver) {
                reused[module.name.value] = entry
                dependencyDiags.report(contentsOf: entry.header)
            } else {
                ModuleHeaderCheck.check(module, into: &dependencyDiags)
            }
        }
        let types = TypeResolver(modules: reached, imports: resolver.imports)
        var modules: [Module] = []
        for syntax in reached {
            let imports = resolver.imports[syntax.name.value] ?? []
            if let entry = reused[syntax.name.value] {
                modules.append(entry.module)
                dependencyDiags.report(contentsOf: entry.resolution)
            } else if syntax.isDependency {
                modules.append(types.resolve(syntax, imports: imports, diags: &dependencyDiags))
            } else {
                modules.append(types.resolve(syntax, imports: imports, diags: &diags))
            }
        }
        let schema = Schema(modules: modules, inputModules: inputs.map(\.name.value))
        var validation = Diagnostics()
        for name in schema.modules.keys.sorted() {
            if let entry = reused[name] {
                validation.report(contentsOf: entry.validation)
            } else {
                Validator.validate(schema.modules[name]!, in: schema, into: &validation)
            }
        }
        let dependencyFiles = Set(reached.filter(\.isDependency).flatMap(\.paths))
        for d in validation.all {
            if let file = d.location?.file, dependencyFiles.contains(file) { dependencyDiags.report(d) } else { diags.report(d) }
        }
        // Dependencies are not the user's to fix: their errors matter, their warnings would be noise.
        diags.report(contentsOf: dependencyDiags.all.filter { $0.severity == .error })
        return Result(schema: schema, diagnostics: diags)
    }

    /// Reads, decodes, groups and fuses files into modules.
    static func modules(from inputs: [InputFile], isDependency: Bool, _ diags: inout Diagnostics) -> [ModuleSyntax] {
        let files = inputs.compactMap { load($0, &diags) }
        return ModuleGrouping.group(files, into: &diags).compactMap {
            ModuleFusion.fuse($0, isDependency: isDependency, into: &diags)
        }
    }

    static func load(_ input: InputFile, _ diags: inout Diagnostics) -> KmdFileSyntax? {
        let path = input.displayPath
        guard let data = FileManager.default.contents(atPath: input.path) else {
            diags.error(.unreadableFile, "cannot read \(path)", at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        let (root, readDiags) = LenientJSONReader.read([UInt8](data), file: path)
        diags.report(contentsOf: readDiags)
        guard let root else { return nil }
        return KmdDecoder.decode(root, path: path, into: &diags)
    }
}
