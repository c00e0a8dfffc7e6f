import Foundation

/// The modules a server serves: linked in, or loaded from shared libraries. Finds factories by plain and
/// qualified name (`MediaPipeline`, `kurento.MediaPipeline`, `chroma.ChromaFilter`) and keeps a load report.
public final class ModuleManager: Sendable {
    private struct State {
        var modules: [String: any KurentoModule] = [:]
        var moduleOrder: [String] = []
        var factories: [String: RemoteObjectFactory] = [:]
        var report = ModuleLoadReport()
    }

    private let state = Locked(State())

    public init() {}

    public var report: ModuleLoadReport { state.withLock { $0.report } }
    public var modules: [any KurentoModule] { state.withLock { s in s.moduleOrder.compactMap { s.modules[$0] } } }
    public func module(named name: String) -> (any KurentoModule)? { state.withLock { $0.modules[name] } }

    /// The factory for a `create` type: plain (`WebRtcEndpoint`) or qualified (`kurento.WebRtcEndpoint`).
    public func factory(named type: String) -> RemoteObjectFactory? { state.withLock { $0.factories[type] } }

    /// Every registered factory name, plain and qualified, sorted (what `kidl-server --list` prints).
    public var factoryNames: [String] { state.withLock { $0.factories.keys.sorted() } }

    /// Registers modules linked into the process. Modules are checked in the order given, so a module's
    /// imports come first.
    @discardableResult
    public func register(_ modules: [any KurentoModule], source: String = "linked in") -> [ModuleLoadReport.Entry] {
        modules.map { register($0, source: source) }
    }

    @discardableResult
    public func register(_ module: any KurentoModule, source: String) -> ModuleLoadReport.Entry {
        let dependencies = Self.imports(ofDescriptor: module.kmd)
        return state.withLock { s in
            let outcome: ModuleLoadReport.Outcome
            if let problem = Self.problem(with: module, dependencies: dependencies, in: s) {
                outcome = .skipped(problem)
            } else {
                accept(module, into: &s)
                outcome = .loaded(name: module.name, version: module.version, factories: Self.names(of: module))
            }
            let entry = ModuleLoadReport.Entry(source: source, outcome: outcome)
            s.report.entries.append(entry)
            return entry
        }
    }

    /// Records a shared library that could not be used at all (no entry point, dlopen error).
    func recordSkipped(_ source: String, _ reason: ModuleLoadReport.SkipReason) {
        state.withLock { $0.report.entries.append(.init(source: source, outcome: .skipped(reason))) }
    }

    private func accept(_ module: any KurentoModule, into s: inout State) {
        s.modules[module.name] = module
        s.moduleOrder.append(module.name)
        let prefix = Self.wirePrefix(module.name)
        for factory in module.factories {
            s.factories[factory.typeName] = factory
            s.factories["\(prefix).\(factory.typeName)"] = factory
        }
    }

    private static func problem(with module: any KurentoModule, dependencies: [String], in s: State) -> ModuleLoadReport.SkipReason? {
        if module.runtimeAPIVersion != KidlRuntimeAPI.version {
            return .incompatibleRuntime(module: module.name, found: module.runtimeAPIVersion, expected: KidlRuntimeAPI.version)
        }
        if s.modules[module.name] != nil { return .duplicateModule(module.name) }
        let prefix = wirePrefix(module.name)
        for factory in module.factories where s.factories[factory.typeName] != nil || s.factories["\(prefix).\(factory.typeName)"] != nil {
            return .duplicateFactory(module: module.name, factory: factory.typeName)
        }
        for dependency in dependencies where s.modules[dependency] == nil {
            return .missingDependency(module: module.name, dependency: dependency)
        }
        return nil
    }

    private static func names(of module: any KurentoModule) -> [String] { module.factories.map(\.typeName).sorted() }

    /// `kurento` for core, elements and filters (reference §7), the module's name otherwise.
    static func wirePrefix(_ module: String) -> String {
        ["core", "elements", "filters"].contains(module) ? "kurento" : module
    }

    /// The names of the modules a descriptor imports. (`JSONSerialization`: decoding the whole descriptor into
    /// `JSON` took most of a server's start-up, 20 ms per module in debug builds.)
    static func imports(ofDescriptor kmd: String) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(kmd.utf8)) as? [String: Any],
              let imports = json["imports"] as? [[String: Any]] else { return [] }
        return imports.compactMap { $0["name"] as? String }
    }
}
