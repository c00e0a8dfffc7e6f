/// Object ids as proxies of their own class.
extension KurentoClient {
    /// A proxy for `id` of the most specific registered class that the object is and that descends from
    /// `declared`: the class this client saw it created with or described as, else `describe` asks the server
    /// (only when `declared` has registered subclasses), else `declared` itself.
    public func proxy<Proxy: KurentoProxy>(_ id: String, as declared: Proxy.Type) async throws -> Proxy {
        let registry = KurentoProxyRegistry.shared
        if let known = knownTypes[id], let type = registry.proxyClass(forQualifiedType: known) as? Proxy.Type {
            return type.init(client: self, id: id)
        }
        guard knownTypes[id] == nil, registry.hasSubclasses(of: declared),
              let description = try? await describe(id) else {
            return declared.init(client: self, id: id)
        }
        for name in [description.qualifiedType] + description.hierarchy {
            if let type = registry.proxyClass(forQualifiedType: name) as? Proxy.Type { return type.init(client: self, id: id) }
        }
        return declared.init(client: self, id: id)
    }
}
