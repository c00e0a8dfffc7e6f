import Synchronization

/// The proxy classes of the generated client modules, by qualified type (`kurento.PassThrough`), so that an
/// object id the server returns becomes a proxy of the object's own class. Generated modules register
/// their classes when first used (`create`), or explicitly (`<Module>ClientModule.register()`).
public final class KurentoProxyRegistry: Sendable {
    public static let shared = KurentoProxyRegistry()

    private let classes = Mutex<[String: KurentoProxy.Type]>([:])

    public func register(_ types: [KurentoProxy.Type]) {
        classes.withLock { table in
            for type in types { table[type.kurentoQualifiedType] = type }
        }
    }

    /// The class registered for a qualified type.
    public func proxyClass(forQualifiedType name: String) -> KurentoProxy.Type? {
        classes.withLock { $0[name] }
    }

    /// Whether a class other than `type` that descends from it is registered (then `describe` can tell which).
    func hasSubclasses<Proxy: KurentoProxy>(of type: Proxy.Type) -> Bool {
        classes.withLock { table in
            table.values.contains { ObjectIdentifier($0) != ObjectIdentifier(type) && $0 is Proxy.Type }
        }
    }
}
