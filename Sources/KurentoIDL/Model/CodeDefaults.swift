/// The `code` section (reference §1.3): nested maps whose leaves are strings.
public indirect enum CodeValue: Hashable, Sendable {
    case string(String)
    case map([String: CodeValue])

    init(_ node: JSONNode) {
        if let members = node.members {
            self = .map(Dictionary(members.map { ($0.key, CodeValue($0.value)) }, uniquingKeysWith: { _, last in last }))
        } else {
            self = .string(node.string ?? "")
        }
    }

    /// The string at a dotted path (`api.js.npmGit`), if any.
    public subscript(path: String) -> String? {
        var current = self
        for key in path.split(separator: ".") {
            guard case .map(let m) = current, let next = m[String(key)] else { return nil }
            current = next
        }
        if case .string(let s) = current { return s }
        return nil
    }

    /// Sets the leaf at a dotted path unless something is already there.
    mutating func setDefault(_ path: Substring, _ value: String) {
        guard case .map(var m) = self else { return }
        let parts = path.split(separator: ".", maxSplits: 1)
        let key = String(parts[0])
        if parts.count == 1 {
            if m[key] == nil { m[key] = .string(value) }
        } else {
            var child = m[key] ?? .map([:])
            child.setDefault(parts[1], value)
            m[key] = child
        }
        self = .map(m)
    }
}

/// Fills in the defaults of the `code` section.
public enum CodeDefaults {
    /// Maven form of a module version: `X-dev` → `X-SNAPSHOT`.
    public static func mavenVersion(_ version: String) -> String {
        version.hasSuffix("-dev") ? String(version.dropLast(4)) + "-SNAPSHOT" : version
    }

    /// npm form of a module version: a release unchanged; `X-dev` → the `npmGit` URL if there is one, else `X`.
    public static func npmVersion(_ version: String, npmGit: String?) -> String {
        guard version.hasSuffix("-dev") else { return version }
        return npmGit ?? String(version.dropLast(4))
    }

    /// What was written, plus every default.
    public static func resolved(_ module: Module) -> CodeValue {
        let name = module.name
        var code = module.code.map(CodeValue.init) ?? .map([:])
        let hasKmd: Bool
        if case .map(let sections) = code { hasKmd = sections["kmd"] != nil } else { hasKmd = false }
        code.setDefault("api.java.packageName", "org.kurento.module.\(name)")
        code.setDefault("api.java.mavenGroupId", "org.kurento.module")
        code.setDefault("api.java.mavenArtifactId", name)
        code.setDefault("api.java.mavenVersion", mavenVersion(module.version))
        code.setDefault("api.js.nodeName", "kurento-module-\(name)")
        code.setDefault("api.js.npmVersion", npmVersion(module.version, npmGit: code["api.js.npmGit"]))
        code.setDefault("api.js.npmDescription", "")
        code.setDefault("implementation.cppNamespace", "kurento::module::\(name)")
        code.setDefault("implementation.lib", "libkms\(name.lowercased())")
        if hasKmd {
            code.setDefault("kmd.java.mavenGroupId", "org.kurento.module")
            code.setDefault("kmd.java.mavenArtifactId", "\(name).kmd")
            code.setDefault("kmd.java.mavenVersion", mavenVersion(module.version))
        }
        return code
    }
}
