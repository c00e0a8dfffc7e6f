/// Why an import version has no Maven or npm form.
public enum PackageVersionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The import version is not a valid range; the offset points into the import version as given.
    case syntax(VersionSyntaxError)
    /// A valid range with no Maven/npm equivalent (`!=`, `!( … )`, three-term `&`, two lower bounds, …);
    /// carries the import version as given.
    case unsupported(version: String)

    /// The creator's wording for `unsupported`; the syntax message otherwise.
    public var message: String {
        switch self {
        case let .syntax(error): return error.message
        case let .unsupported(version): return "Version '\(version)' in import not supported"
        }
    }

    public var description: String { message }
}
