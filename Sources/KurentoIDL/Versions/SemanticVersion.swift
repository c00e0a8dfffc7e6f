/// A full semantic version `MAJOR.MINOR.PATCH[-preRelease][+buildMetadata]` (semver 2.0, as jsemver's `Version`).
///
/// Ordering is semver 2.0 precedence: numeric core first, then a version with a pre-release sorts *before* the
/// same core without one (`7.3.1-dev` < `7.3.1`, but `7.3.1-dev` > `7.1.0`), pre-release identifiers compared
/// one by one (numeric ones numerically and below alphanumeric ones, alphanumeric ones in ASCII order, a shorter
/// list first when it is a prefix of the longer).
///
/// Build metadata takes no part in precedence and — as in jsemver, whose `equals` is `compareTo == 0` — none in
/// equality or hashing either, so `==` stays consistent with `<`. It is kept for `description`.
public struct SemanticVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// Dot-separated pre-release identifiers (`["rc", "1"]` for `-rc.1`); empty for a release.
    public var preRelease: [String]
    /// Dot-separated build metadata identifiers (`["build", "5"]` for `+build.5`).
    public var buildMetadata: [String]

    /// Builds a version from its parts. The parts are not validated; use `init(parsing:)` for text.
    public init(major: Int, minor: Int, patch: Int, preRelease: [String] = [], buildMetadata: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
        self.buildMetadata = buildMetadata
    }

    /// Parses a full semver 2.0 version: `1.0` is rejected, as are leading zeros in numbers and in numeric
    /// pre-release identifiers, empty identifiers and any surrounding whitespace.
    public init(parsing text: String) throws(VersionSyntaxError) {
        let scalars = Array(text.unicodeScalars)
        self = try SemanticVersionParser.parse(scalars, in: 0..<scalars.count)
    }

    /// Kurento's notion of a development version: the text ends in `-dev` (`7.3.1-dev`).
    public var isDevelopment: Bool { description.hasSuffix("-dev") }

    /// The same version without pre-release and build metadata.
    public var core: SemanticVersion { SemanticVersion(major: major, minor: minor, patch: patch) }

    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !preRelease.isEmpty { text += "-" + preRelease.joined(separator: ".") }
        if !buildMetadata.isEmpty { text += "+" + buildMetadata.joined(separator: ".") }
        return text
    }

    public static func == (a: SemanticVersion, b: SemanticVersion) -> Bool {
        a.major == b.major && a.minor == b.minor && a.patch == b.patch && a.preRelease == b.preRelease
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease)
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if a.major != b.major { return a.major < b.major }
        if a.minor != b.minor { return a.minor < b.minor }
        if a.patch != b.patch { return a.patch < b.patch }
        return PreReleaseOrder.precedes(a.preRelease, b.preRelease)
    }
}
