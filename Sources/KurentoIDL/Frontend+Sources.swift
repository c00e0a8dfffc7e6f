/// The front end over files held in memory (fuzzing, tests, editors): no file system is touched. Paths only
/// name the files in diagnostics and decide, as on disk, which files share a folder and so a module.
extension Frontend {
    /// One kmd file's path and bytes.
    public typealias Source = (path: String, bytes: [UInt8])

    /// Reads, decodes, fuses, resolves and validates `sources`, with `dependencies` in the role of `-I`.
    public static func run(sources: [Source], dependencies: [Source] = []) -> Result {
        var diags = Diagnostics()
        var dependencyDiags = Diagnostics()
        let inputModules = modules(fromSources: sources, isDependency: false, &diags)
        let dependencyModules = modules(fromSources: dependencies, isDependency: true, &dependencyDiags)
        return assemble(inputs: inputModules, dependencies: dependencyModules, diags: diags, dependencyDiags: dependencyDiags)
    }

    /// Reads, decodes, groups and fuses in-memory files into modules (`modules(from:isDependency:_:)` for bytes).
    static func modules(fromSources sources: [Source], isDependency: Bool, _ diags: inout Diagnostics) -> [ModuleSyntax] {
        let files = sources.compactMap { source -> KmdFileSyntax? in
            let (root, readDiags) = LenientJSONReader.read(source.bytes, file: source.path)
            diags.report(contentsOf: readDiags)
            guard let root else { return nil }
            return KmdDecoder.decode(root, path: source.path, into: &diags)
        }
        return ModuleGrouping.group(files, into: &diags).compactMap {
            ModuleFusion.fuse($0, isDependency: isDependency, into: &diags)
        }
    }
}
