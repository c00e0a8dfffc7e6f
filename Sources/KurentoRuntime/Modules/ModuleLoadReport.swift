/// What happened to each module the `ModuleManager` was given or found: loaded, or skipped and why.
/// No module is skipped silently.
public struct ModuleLoadReport: Sendable, Hashable, CustomStringConvertible {
    public enum Outcome: Sendable, Hashable {
        case loaded(name: String, version: String, factories: [String])
        case skipped(SkipReason)
    }

    public enum SkipReason: Error, Sendable, Hashable, CustomStringConvertible {
        /// A shared library without `kidl_module_entry` (an ordinary library in the folder).
        case noEntryPoint
        case dlopenFailed(String)
        /// Generated for another runtime API version.
        case incompatibleRuntime(module: String, found: Int, expected: Int)
        /// A factory of this module has the name of one already registered.
        case duplicateFactory(module: String, factory: String)
        /// A module of this name is already loaded.
        case duplicateModule(String)
        /// The module imports a module that is not loaded.
        case missingDependency(module: String, dependency: String)

        public var description: String {
            switch self {
            case .noEntryPoint: "no kidl_module_entry symbol (not a kidl module)"
            case .dlopenFailed(let message): "dlopen failed: \(message)"
            case .incompatibleRuntime(let m, let found, let expected):
                "module '\(m)' was generated for runtime API \(found), this server has \(expected); regenerate it with this kidlc"
            case .duplicateFactory(let m, let f): "module '\(m)': factory '\(f)' is already registered by another module"
            case .duplicateModule(let m): "module '\(m)' is already loaded"
            case .missingDependency(let m, let d): "module '\(m)' imports '\(d)', which is not loaded"
            }
        }
    }

    public struct Entry: Sendable, Hashable {
        /// `linked in` or the path of the shared library.
        public var source: String
        public var outcome: Outcome
    }

    public internal(set) var entries: [Entry] = []

    public var loadedModules: [String] {
        entries.compactMap { if case .loaded(let name, _, _) = $0.outcome { name } else { nil } }
    }

    /// One line per module, as `kidl-server` prints it at start.
    public var description: String {
        entries.map { e in
            switch e.outcome {
            case .loaded(let name, let version, let factories):
                "loaded  \(name) \(version) from \(e.source): \(factories.isEmpty ? "no factories" : factories.joined(separator: ", "))"
            case .skipped(let reason):
                "skipped \(e.source): \(reason)"
            }
        }.joined(separator: "\n")
    }
}
