/// Finds every module's imports (explicit, then the implicit platform ones), checks versions and ranges with
/// Kurento's rules (reference §2.6–2.7), and detects import cycles.
struct ImportResolver {
    /// The modules by name: inputs win over dependencies, and among dependencies the first one found wins.
    private(set) var registry: [String: ModuleSyntax] = [:]
    private var shadowed: [String: [ModuleSyntax]] = [:]
    private var state: [String: State] = [:]
    /// Resolved imports per module, for every module reached from the inputs.
    private(set) var imports: [String: [Import]] = [:]
    /// Modules in the order their resolution finished: every module after all of its imports.
    private(set) var order: [String] = []

    private enum State { case inProgress, done }

    init(inputs: [ModuleSyntax], dependencies: [ModuleSyntax], diags: inout Diagnostics) {
        for module in inputs {
            if let first = registry[module.name.value] {
                diags.error(.duplicateModule, "module '\(module.name.value)' is given twice",
                            at: module.name.location, notes: [.init("first given here", at: first.name.location)])
                continue
            }
            registry[module.name.value] = module
        }
        for module in dependencies {
            let name = module.name.value
            if let first = registry[name] {
                if first.isDependency { shadowed[name, default: []].append(module) }
                continue
            }
            registry[name] = module
        }
    }

    /// Resolves the module and, first, everything it imports.
    mutating func resolve(_ name: String, diags: inout Diagnostics) {
        guard state[name] == nil, let module = registry[name] else { return }
        state[name] = .inProgress
        var resolved: [Import] = []
        for request in requests(of: module, &diags) {
            if let imp = resolveImport(request, of: module, &diags) { resolved.append(imp) }
        }
        imports[name] = resolved
        state[name] = .done
        order.append(name)
    }

    /// One import to satisfy: explicit ones as written, implicit ones built from `kurentoVersion`.
    private struct Request {
        var name: String
        var version: Located<String>
        var mavenVersion: Located<String>?
        var npmVersion: Located<String>?
        var isImplicit: Bool
        var location: SourceLocation
    }

    private func requests(of module: ModuleSyntax, _ diags: inout Diagnostics) -> [Request] {
        var result: [Request] = []
        let isRelease = module.version.map { !$0.value.hasSuffix("-dev") } ?? false
        for imp in module.imports {
            if result.contains(where: { $0.name == imp.name.value }) {
                diags.error(.duplicateImport, "module '\(imp.name.value)' is imported twice", at: imp.name.location)
                continue
            }
            if isRelease, imp.version.value.hasSuffix("-dev") {
                diags.error(.releaseWithDevDependency,
                            "All dependencies of a release version must be also release versions. Import '\(imp.name.value)' is in non release version \(imp.version.value)",
                            at: imp.version.location,
                            notes: [.init("the module's version \(module.version!.value) is a release version", at: module.version!.location)])
            }
            result.append(Request(name: imp.name.value, version: imp.version, mavenVersion: imp.mavenVersion,
                                  npmVersion: imp.npmVersion, isImplicit: false, location: imp.name.location))
        }
        guard let platform = module.kurentoVersion ?? module.version else { return result }
        for name in KurentoModules.implicitImports(of: module.name.value) where !result.contains(where: { $0.name == name }) {
            result.append(Request(name: name, version: platform, mavenVersion: module.kurentoMavenVersion,
                                  npmVersion: module.kurentoNpmVersion, isImplicit: true, location: platform.location))
        }
        return result
    }

    private mutating func resolveImport(_ request: Request, of module: ModuleSyntax, _ diags: inout Diagnostics) -> Import? {
        let how = request.isImplicit ? "implicit import of '\(request.name)' (from kurentoVersion)" : "import '\(request.name)'"
        guard let target = registry[request.name] else {
            diags.error(.importNotFound,
                        "Import '\(request.name)' not found in dependencies in any version; add the folder that holds it with -I",
                        at: request.location)
            return nil
        }
        if let others = shadowed[request.name], let other = others.first {
            diags.warning(.duplicateModule,
                          "module '\(request.name)' is found more than once; using \(target.files.first?.path ?? "?")",
                          at: other.name.location, notes: [.init("the module used is declared here", at: target.name.location)])
            shadowed[request.name] = nil
        }
        if state[request.name] == .inProgress {
            diags.error(.importCycle, "Found a dependency cycle in plugin '\(request.name)': '\(module.name.value)' imports it while it is being resolved",
                        at: request.location)
            return nil
        }
        resolve(request.name, diags: &diags)
        guard let found = target.version else { return nil }  // reported when the target is checked
        let range = request.version
        do {
            if try !VersionCompatibility.isCompatible(range: range.value, version: found.value) {
                diags.error(.importVersionMismatch,
                            "\(how.prefix(1).uppercased() + how.dropFirst()) requires version \(range.value), but the module found has version \(found.value)",
                            at: range.location,
                            notes: [.init("'\(request.name)' \(found.value) is declared here", at: found.location)])
                return nil
            }
        } catch {
            return nil  // the malformed range or version was reported by ModuleHeaderCheck
        }
        let npmGit = CodeSection.string(target.code, "api", "js", "npmGit")
        return Import(
            name: request.name, version: range.value,
            mavenVersion: request.mavenVersion?.value ?? convert(range) { try PackageVersions.maven($0) },
            npmVersion: request.npmVersion?.value ?? convert(range) { try PackageVersions.npm($0, importedModuleNpmGit: npmGit) },
            resolvedVersion: found.value, isImplicit: request.isImplicit, location: request.location)
    }

    /// A Maven or npm form; a range without one is fine for kidl (nothing here generates Maven or npm files).
    private func convert(_ range: Located<String>, _ f: (String) throws -> String) -> String? {
        try? f(range.value)
    }
}

/// Reads string leaves of a `code` section.
enum CodeSection {
    static func string(_ code: JSONNode?, _ path: String...) -> String? {
        var node = code
        for key in path { node = node?[key] }
        return node?.string
    }
}
