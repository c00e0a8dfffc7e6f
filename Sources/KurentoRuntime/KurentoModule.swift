/// A module as the runtime loads it: generated per kmd module, linked in or loaded from a shared library.
public protocol KurentoModule: Sendable {
    /// The kmd module name.
    var name: String { get }
    var version: String { get }
    /// The fused, resolved kmd as JSON (what `ServerManager.getKmd` returns).
    var kmd: String { get }
    /// One factory per concrete class.
    var factories: [RemoteObjectFactory] { get }
    /// Every class of the module, abstract ones included.
    var classes: [any RemoteClassGlue.Type] { get }
    /// The runtime API the module was generated for; the loader refuses other versions.
    var runtimeAPIVersion: Int { get }
}

/// The C entry point's payload: the modules of a shared library, handed across `dlopen` as an opaque pointer.
public final class LoadableModule: Sendable {
    public let modules: [any KurentoModule]
    public init(_ modules: [any KurentoModule]) { self.modules = modules }

    /// What a generated `kidl_module_entry` returns: a retained pointer to a `LoadableModule`.
    public static func export(_ modules: [any KurentoModule]) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(LoadableModule(modules)).toOpaque()
    }

    /// Takes the module back from an entry point's pointer (consumes the retain).
    public static func take(_ pointer: UnsafeMutableRawPointer) -> LoadableModule {
        Unmanaged<LoadableModule>.fromOpaque(pointer).takeRetainedValue()
    }
}

/// The runtime API version generated code is written against.
public enum KidlRuntimeAPI {
    public static let version = 1
}

/// The compile-time witness: generated code declares a type conforming to this with `Version` set to a type
/// conforming to `KidlRuntimeAPIVersion1`. A runtime with another API version no longer has that protocol,
/// so stale generated code fails to compile instead of misbehaving (the idea of swift-protobuf's
/// `ProtobufAPIVersionCheck`).
public protocol KidlGeneratedCodeCheck {
    associatedtype Version: KidlRuntimeAPIVersion1
}

public protocol KidlRuntimeAPIVersion1 {}
