import KurentoIDL

/// The anchors of one module's page. Every declaration and member gets an explicit anchor (`<a id>`) that is
/// its name (`MediaElement`), or owner and member (`MediaElement.connect`, `MediaType.AUDIO`,
/// `MediaElement.constructor`); a name used twice in one owner (method overloads, a method named like a
/// property) gets `-2`, `-3` … in page order. Anchors depend only on the module, so a page can link to the
/// page of a module that is not generated in the same run.
struct DocAnchors {
    struct Owner {
        var constructor: String?
        /// Properties, record fields and event properties by name.
        var properties: [String: String] = [:]
        /// One anchor per method, in declaration order.
        var methods: [String] = []
        var values: [String: String] = [:]
    }

    private(set) var owners: [String: Owner] = [:]

    init(_ module: Module) {
        for c in module.remoteClasses where owners[c.name] == nil {
            var used: Set<String> = []
            var owner = Owner()
            if c.constructor != nil { owner.constructor = Self.allocate("\(c.name).constructor", &used) }
            for p in c.properties where owner.properties[p.name] == nil {
                owner.properties[p.name] = Self.allocate("\(c.name).\(p.name)", &used)
            }
            owner.methods = c.methods.map { Self.allocate("\(c.name).\($0.name)", &used) }
            owners[c.name] = owner
        }
        for t in module.complexTypes where owners[t.name] == nil {
            var used: Set<String> = []
            var owner = Owner()
            for p in t.properties where owner.properties[p.name] == nil {
                owner.properties[p.name] = Self.allocate("\(t.name).\(p.name)", &used)
            }
            for v in t.values where owner.values[v.value] == nil {
                owner.values[v.value] = Self.allocate("\(t.name).\(v.value)", &used)
            }
            owners[t.name] = owner
        }
        for e in module.events where owners[e.name] == nil {
            var used: Set<String> = []
            var owner = Owner()
            for p in e.properties where owner.properties[p.name] == nil {
                owner.properties[p.name] = Self.allocate("\(e.name).\(p.name)", &used)
            }
            owners[e.name] = owner
        }
    }

    private static func allocate(_ base: String, _ used: inout Set<String>) -> String {
        var candidate = base
        var n = 2
        while !used.insert(candidate).inserted {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// The page of a module, relative to the docs folder.
    static func page(of module: String) -> String { "\(module).md" }

    /// A link target from the page of `fromModule` to `anchor` on the page of `module`.
    static func href(_ anchor: String, in module: String, from fromModule: String) -> String {
        module == fromModule ? "#\(anchor)" : "\(page(of: module))#\(anchor)"
    }
}
