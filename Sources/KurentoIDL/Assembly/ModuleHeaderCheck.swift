/// Checks the module-level fields a module needs before its imports can be resolved: `version` (full semver)
/// and `kurentoVersion` (required for all but core, elements and filters; a valid range).
enum ModuleHeaderCheck {
    static func check(_ m: ModuleSyntax, into diags: inout Diagnostics) {
        let name = m.name.value
        if !Identifier.isValid(name) {
            diags.error(.invalidIdentifier,
                        "module name '\(name)' is not an identifier (letters, digits and '_', not starting with a digit); it becomes code and file names",
                        at: m.name.location)
        }
        if let version = m.version {
            do { _ = try SemanticVersion(parsing: version.value) } catch {
                diags.error(.invalidVersion, "invalid version '\(version.value)': \(error.message)",
                            at: version.location.insideString(at: error.offset))
            }
        } else {
            diags.error(.missingVersion, "Version is mandatory at least in one of the files of module '\(name)'",
                        at: m.name.location)
        }
        if let kurento = m.kurentoVersion {
            checkRange(kurento, &diags)
        } else if !KurentoModules.contains(name) {
            diags.error(.missingKurentoVersion,
                        "Kurento version is mandatory at least in one of the files describing: \(name) (add \"kurentoVersion\": \"^7.0.0\" or the range you build against)",
                        at: m.name.location)
        }
        for imp in m.imports { checkRange(imp.version, &diags) }
    }

    private static func checkRange(_ range: Located<String>, _ diags: inout Diagnostics) {
        // A plain -dev version is accepted as a range (compared by the relaxed rule of reference §2.6).
        if range.value.hasSuffix("-dev"), (try? SemanticVersion(parsing: range.value)) != nil { return }
        do { _ = try VersionRange(parsing: range.value) } catch {
            diags.error(.invalidVersionRange, "invalid version range '\(range.value)': \(error.message)",
                        at: range.location.insideString(at: error.offset))
        }
    }
}
