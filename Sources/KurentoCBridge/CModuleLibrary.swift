import CKidlBridge
import Foundation
import Synchronization
import KurentoRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Loads modules implemented in C: shared libraries exporting `kidl_c_module_entry` (what `kidlc generate
/// --target c-shim` writes into each module's .c), with modules of the C ABI version this host speaks.
public enum CModuleLibrary {
    /// The entry point a C module library exports.
    public static let entrySymbol = "kidl_c_module_entry"

    /// The format to give `ModuleManager.loadSharedLibraries(in:formats:)`: C libraries found on the module
    /// path are loaded beside Swift ones. Classes a C module extends are looked up in `manager`.
    public static func format(manager: ModuleManager, objects: any CObjectFactory = PlainCObjectFactory()) -> SharedLibraryFormat {
        let manager = WeakManager(manager)
        return SharedLibraryFormat(entrySymbol: entrySymbol) { entry, _ in
            modules(entry: entry, objects: objects, hostGlue: { qualifiedType in manager.value.flatMap { glue(qualifiedType, in: $0) } })
        }
    }

    /// Opens one library and returns its modules (to register with a manager).
    public static func open(_ path: String, manager: ModuleManager,
                            objects: any CObjectFactory = PlainCObjectFactory()) -> Result<[any KurentoModule], ModuleLoadReport.SkipReason> {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL) else {
            return .failure(.dlopenFailed(dlerror().map { String(cString: $0) } ?? "unknown error"))
        }
        guard let entry = dlsym(handle, entrySymbol) else {
            dlclose(handle)
            return .failure(.noEntryPoint)
        }
        return format(manager: manager, objects: objects).load(entry, path)
    }

    /// The modules behind an entry point, each checked for the ABI version.
    static func modules(entry: UnsafeMutableRawPointer, objects: any CObjectFactory,
                        hostGlue: @escaping @Sendable (String) -> (any RemoteClassGlue.Type)?) -> Result<[any KurentoModule], ModuleLoadReport.SkipReason> {
        let function = unsafeBitCast(entry, to: kidl_c_module_entry_fn.self)
        var modules: [any KurentoModule] = []
        guard var next = function() else { return .success([]) }
        while let descriptor = next.pointee {
            guard descriptor.pointee.abi_version == KIDL_C_ABI_VERSION else {
                let name = descriptor.pointee.name.map { String(cString: $0) } ?? "?"
                return .failure(.incompatibleRuntime(module: name, found: Int(descriptor.pointee.abi_version),
                                                     expected: Int(KIDL_C_ABI_VERSION)))
            }
            modules.append(CModule.shared(descriptor: descriptor, objectFactory: objects, hostGlue: hostGlue))
            next += 1
        }
        return .success(modules)
    }

    /// The glue of a class by wire name among the modules registered with a manager.
    static func glue(_ qualifiedType: String, in manager: ModuleManager) -> (any RemoteClassGlue.Type)? {
        for module in manager.modules {
            if let glue = module.classes.first(where: { $0.qualifiedType == qualifiedType }) { return glue }
        }
        return nil
    }
}

/// A manager referred to without keeping it alive: modules live as long as the process, managers need not.
private final class WeakManager: Sendable {
    private let box: Mutex<Weak>
    private struct Weak { weak var manager: ModuleManager? }
    init(_ manager: ModuleManager) { box = Mutex(Weak(manager: manager)) }
    var value: ModuleManager? { box.withLock { $0.manager } }
}
