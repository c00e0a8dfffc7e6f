import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Loads modules from shared libraries: every `.so` under the folders of a search path (recursively, in sorted
/// order), through the `kidl_module_entry` symbol a generated `KidlServerEntry.swift` exports.
///
/// Generated code and the loader must share one copy of the runtime: the host exports its symbols
/// (`-Xlinker --export-dynamic`) and plugin libraries are linked without their own copy of the runtime, so a
/// plugin's types conform to the host's protocols.
extension ModuleManager {
    /// The search path: `--modules-path` entries first, then `KURENTO_MODULES_PATH` (colon-separated).
    public static func searchPath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let parts = [option, environment["KURENTO_MODULES_PATH"]].compactMap { $0 }
        return parts.flatMap { $0.split(separator: ":").map(String.init) }.filter { !$0.isEmpty }
    }

    /// Loads every shared library found under the folders; folders that do not exist are skipped.
    /// Libraries are tried until no more can be loaded, so one may depend on another found later.
    /// `formats` are other kinds of module libraries, tried when a library has no `kidl_module_entry`
    /// (modules implemented in C: `KurentoCBridge`).
    public func loadSharedLibraries(in folders: [String], formats: [SharedLibraryFormat] = []) {
        var candidates: [(path: String, modules: [any KurentoModule])] = []
        for path in Self.sharedLibraries(in: folders) {
            switch Self.open(path, formats: formats) {
            case .success(let modules): candidates.append((path, modules))
            case .failure(let reason): recordSkipped(path, reason)
            }
        }
        // Register what can be registered; retry the rest while that makes progress, then report what is left.
        var pending = candidates.flatMap { c in c.modules.map { (c.path, $0) } }
        while !pending.isEmpty {
            let before = pending.count
            pending = pending.filter { path, module in
                guard dependenciesLoaded(module) else { return true }
                register(module, source: path)
                return false
            }
            if pending.count == before { break }
        }
        for (path, module) in pending { register(module, source: path) }
    }

    private func dependenciesLoaded(_ module: any KurentoModule) -> Bool {
        Self.imports(ofDescriptor: module.kmd).allSatisfy { self.module(named: $0) != nil }
    }

    static func sharedLibraries(in folders: [String]) -> [String] {
        var result: [String] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                  let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".so") { found.append((folder as NSString).appendingPathComponent(relative)) }
            }
            result += found.sorted()
        }
        return result
    }

    private typealias Entry = @convention(c) () -> UnsafeMutableRawPointer

    static func open(_ path: String, formats: [SharedLibraryFormat] = []) -> Result<[any KurentoModule], ModuleLoadReport.SkipReason> {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL) else {
            return .failure(.dlopenFailed(dlerror().map { String(cString: $0) } ?? "unknown error"))
        }
        guard let symbol = dlsym(handle, "kidl_module_entry") else {
            for format in formats {
                if let entry = dlsym(handle, format.entrySymbol) { return format.load(entry, path) }
            }
            dlclose(handle)
            return .failure(.noEntryPoint)
        }
        // The library stays loaded for the life of the process: its code serves the objects it creates.
        let entry = unsafeBitCast(symbol, to: Entry.self)
        return .success(LoadableModule.take(entry()).modules)
    }
}

/// Another kind of module library than generated Swift code: the entry symbol it exports, and how the
/// modules behind that symbol are made (the library then stays loaded).
public struct SharedLibraryFormat: Sendable {
    public var entrySymbol: String
    public var load: @Sendable (_ entry: UnsafeMutableRawPointer, _ path: String) -> Result<[any KurentoModule], ModuleLoadReport.SkipReason>

    public init(entrySymbol: String,
                load: @escaping @Sendable (UnsafeMutableRawPointer, String) -> Result<[any KurentoModule], ModuleLoadReport.SkipReason>) {
        self.entrySymbol = entrySymbol
        self.load = load
    }
}
