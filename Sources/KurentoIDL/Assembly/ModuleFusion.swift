/// Fuses the files of one module (reference §2.2), deterministically and without losing fields.
///
/// `name`, `version`, `kurentoVersion`, a non-empty `imports` and `code` may be set in one file only.
/// Unlike Kurento's creator, `kurentoMavenVersion`, `kurentoNpmVersion` and `repository` are taken from whichever
/// file has them; two different values are an error.
enum ModuleFusion {
    static func fuse(_ files: [KmdFileSyntax], isDependency: Bool, into diags: inout Diagnostics) -> ModuleSyntax? {
        let files = files.sorted { $0.path < $1.path }
        let name = single("name", files.map(\.name), &diags)
        let version = single("version", files.map(\.version), &diags)
        let kurentoVersion = single("kurentoVersion", files.map(\.kurentoVersion), &diags)
        let imports = single("imports", files.map { f in f.imports.flatMap { $0.value.isEmpty ? nil : $0 } }, &diags)
        let code = single("code", files.map { f in f.code.map { Located($0, at: $0.location) } }, &diags)
        guard let name else {
            diags.error(.missingModuleName,
                        "no file of this module declares 'name' (files: \(files.map(\.path).joined(separator: ", ")))",
                        at: files.first?.location)
            return nil
        }
        return ModuleSyntax(
            name: name,
            files: files,
            version: version,
            kurentoVersion: kurentoVersion,
            kurentoMavenVersion: agreeing("kurentoMavenVersion", files.map(\.kurentoMavenVersion), &diags),
            kurentoNpmVersion: agreeing("kurentoNpmVersion", files.map(\.kurentoNpmVersion), &diags),
            repository: agreeing("repository", files.map(\.repository), &diags),
            imports: imports?.value ?? [],
            code: code?.value,
            remoteClasses: files.flatMap(\.remoteClasses),
            complexTypes: files.flatMap(\.complexTypes),
            events: files.flatMap(\.events),
            isDependency: isDependency)
    }

    /// The value of a field that may be set in one file only; each further occurrence is an error.
    private static func single<T>(_ field: String, _ values: [Located<T>?], _ diags: inout Diagnostics) -> Located<T>? {
        let present = values.compactMap { $0 }
        guard let first = present.first else { return nil }
        for other in present.dropFirst() {
            diags.error(.fieldInSeveralFiles, "'\(field)' can only be set in one kmd file of a module",
                        at: other.location, notes: [.init("'\(field)' is first set here", at: first.location)])
        }
        return first
    }

    /// The value of a field that several files may repeat, as long as they agree.
    private static func agreeing(_ field: String, _ values: [Located<String>?], _ diags: inout Diagnostics) -> Located<String>? {
        let present = values.compactMap { $0 }
        guard let first = present.first else { return nil }
        for other in present.dropFirst() where other.value != first.value {
            diags.error(.conflictingValues,
                        "'\(field)' is \"\(other.value)\" here but \"\(first.value)\" in another file of the module",
                        at: other.location, notes: [.init("'\(field)' is set to \"\(first.value)\" here", at: first.location)])
        }
        return first
    }
}
