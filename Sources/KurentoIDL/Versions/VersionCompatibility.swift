/// Whether an import's version range accepts a module version, exactly as the creator's `VersionManager`.
///
/// All three checks work on the *texts* first (string equality short-circuits before any parsing, so
/// `1.0` accepts `1.0`) and only then parse. Errors point into `range`, except that an invalid `version` (only
/// reached when `range` parsed) is reported with an offset into `version`; a caller that has already validated
/// the module version can use the `SemanticVersion` overload and get range errors only.
public enum VersionCompatibility {
    static let developmentSuffix = "-dev"

    /// The strict check followed, when it fails, by the relaxed one — what the creator uses to resolve imports.
    public static func isCompatible(range: String, version: String) throws(VersionSyntaxError) -> Bool {
        if try isStrictlyCompatible(range: range, version: version) { return true }
        return try isDevelopmentCompatible(range: range, version: version)
    }

    public static func isCompatible(range: String, version: SemanticVersion) throws(VersionSyntaxError) -> Bool {
        try isCompatible(range: range, version: version.description)
    }

    /// `VersionManager.compatible`: true if the texts are equal; false if `range` ends in `-dev` (a development
    /// version only accepts itself); otherwise the range (caret rewrite included) evaluated on `version`.
    public static func isStrictlyCompatible(range: String, version: String) throws(VersionSyntaxError) -> Bool {
        try strict(rangeText: range, version: version) { () throws(VersionSyntaxError) in
            try VersionRange(parsing: range)
        }
    }

    /// `VersionManager.devCompatible`: true if the texts are equal; otherwise a `range` ending in `-dev` loses
    /// the suffix and gains a leading `^` unless it has one (`1.2.3-dev` → `^1.2.3`, accepting `1.x.y` from
    /// `1.2.3` on), `-dev` is dropped from the end of `version`, and the strict check runs on the results.
    /// So `^6.0.0` accepts `6.0.0-dev`, `6.0.0-dev` accepts `6.0.0` — and the *text* `^6.0.0`, which equals the
    /// rewritten range.
    public static func isDevelopmentCompatible(range: String, version: String) throws(VersionSyntaxError) -> Bool {
        if range == version { return true }
        let dependency = stripDevelopmentSuffix(version) ?? version
        guard let base = stripDevelopmentSuffix(range) else {
            return try isStrictlyCompatible(range: range, version: dependency)
        }
        // Parse the rewritten range from the original scalars so errors keep their offsets into `range`.
        let scalars = Array(range.unicodeScalars)
        let baseEnd = scalars.count - developmentSuffix.unicodeScalars.count
        if base.hasPrefix("^") {
            return try strict(rangeText: base, version: dependency) { () throws(VersionSyntaxError) in
                try VersionRangeParser.parse(scalars, end: baseEnd)
            }
        }
        return try strict(rangeText: "^" + base, version: dependency) { () throws(VersionSyntaxError) in
            try VersionRangeParser.caret(scalars, versionIn: 0..<baseEnd)
        }
    }

    private static func strict(rangeText: String, version: String,
                               parse: () throws(VersionSyntaxError) -> VersionRange) throws(VersionSyntaxError) -> Bool {
        if rangeText == version { return true }
        if rangeText.hasSuffix(developmentSuffix) { return false }
        let range = try parse()
        return range.isSatisfied(by: try SemanticVersion(parsing: version))
    }

    /// `text` without a trailing `-dev`, or nil if it has none.
    static func stripDevelopmentSuffix(_ text: String) -> String? {
        guard text.hasSuffix(developmentSuffix) else { return nil }
        var scalars = text.unicodeScalars
        scalars.removeLast(developmentSuffix.unicodeScalars.count)
        return String(scalars)
    }
}
