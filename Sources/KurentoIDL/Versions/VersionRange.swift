/// A version range in the expression language of the jsemver copy vendored by the Kurento module creator.
///
/// Every shorthand (tilde, caret, wildcard, hyphen, abbreviated versions) is expanded at parse time into
/// comparisons joined by `and`, exactly as jsemver builds its expression tree, because the Maven and npm
/// conversions (`PackageVersions`) look at that tree: `~1.2` is `.and(>=1.2.0, <2.0.0)`.
/// See `init(parsing:)` for the grammar.
public indirect enum VersionRange: Sendable, Hashable, CustomStringConvertible {
    /// `version` compared with the range's version by semver precedence: `>=1.2.0` is
    /// `.comparison(.greaterOrEqual, 1.2.0)`.
    case comparison(Operator, SemanticVersion)
    case and(VersionRange, VersionRange)
    case or(VersionRange, VersionRange)
    /// `!( … )`.
    case not(VersionRange)

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case greater = ">"
        case greaterOrEqual = ">="
        case less = "<"
        case lessOrEqual = "<="
    }

    /// Parses a range (Kurento's caret rewrite included).
    ///
    /// * `=V` or bare `V`, `!=V`, `>V`, `>=V`, `<V`, `<=V`. `V` may be abbreviated (`1` = `1.0.0`,
    ///   `1.2` = `1.2.0`) and carries no pre-release or build metadata.
    /// * `~1` = `>=1.0.0` (no upper bound); `~1.2` = `>=1.2.0 & <2.0.0`; `~1.2.3` = `>=1.2.3 & <1.3.0`
    ///   (`~1` and `~1.2` differ from npm, whose upper bounds are `<2.0.0` and `<1.3.0`).
    /// * `*` = `>=0.0.0`; `1.*` = `>=1.0.0 & <2.0.0`; `1.2.*` = `>=1.2.0 & <1.3.0`.
    /// * `1.0 - 2.0` = `>=1.0.0 & <=2.0.0`.
    /// * `a & b`, `a | b` with equal precedence, associating to the right: `a & b | c` = `a & (b | c)`.
    /// * `!( … )`, `( … )`; whitespace between tokens is ignored.
    /// * Caret, only as the very first character, where Kurento rewrites the text before jsemver sees it:
    ///   `^X.Y.Z` = `>=X.Y.Z & <(X+1).0.0` (so `^0.3.1` = `>=0.3.1 & <1.0.0`, unlike npm). Everything after the
    ///   `^` must be one full version without pre-release or build metadata; a `^` anywhere else is an error.
    public init(parsing text: String) throws(VersionSyntaxError) {
        let scalars = Array(text.unicodeScalars)
        self = try VersionRangeParser.parse(scalars, end: scalars.count)
    }

    /// Whether `version` lies in the range. Plain semver precedence, with no npm-style special treatment of
    /// pre-releases: `7.3.1-dev` satisfies `>=7.1.0 & <8.0.0`, `1.0.0-beta` does not satisfy `>=1.0.0`.
    public func isSatisfied(by version: SemanticVersion) -> Bool {
        switch self {
        case let .comparison(op, bound):
            switch op {
            case .equal: return version == bound
            case .notEqual: return version != bound
            case .greater: return version > bound
            case .greaterOrEqual: return version >= bound
            case .less: return version < bound
            case .lessOrEqual: return version <= bound
            }
        case let .and(a, b): return a.isSatisfied(by: version) && b.isSatisfied(by: version)
        case let .or(a, b): return a.isSatisfied(by: version) || b.isSatisfied(by: version)
        case let .not(a): return !a.isSatisfied(by: version)
        }
    }

    /// Canonical text that parses back to the same range: `>=1.2.0 & <2.0.0`, with parentheses only where the
    /// right associativity of `&`/`|` needs them.
    public var description: String {
        switch self {
        case let .comparison(op, version): return op.rawValue + version.description
        case let .and(a, b): return a.operandDescription + " & " + b.description
        case let .or(a, b): return a.operandDescription + " | " + b.description
        case let .not(a): return "!(" + a.description + ")"
        }
    }

    private var operandDescription: String {
        switch self {
        case .and, .or: return "(" + description + ")"
        case .comparison, .not: return description
        }
    }
}
