import Testing
@testable import KurentoIDL

/// `VersionCompatibility`: the creator's `VersionManager.compatible` / `devCompatible`.
struct VersionCompatibilityTests {
    /// `VersionManagerTest.testCompatibleVersions`, the reference's other examples, and the
    /// `ImportModulesWithRangesTest` resolutions.
    @Test(arguments: [
        ("1.2.3-dev", "1.2.3-dev", true),
        ("1.2.3-dev", "1.2.4", true),
        ("1.2.3-dev", "1.3.0", true),
        ("1.2.3-dev", "1.9.9", true),
        ("1.2.3-dev", "2.0.0", false),
        ("^6.0.0", "6.0.0-dev", true),
        ("6.0.0-dev", "6.0.0", true),
        ("6.0.0-dev", "^6.0.0", true),
        ("^7.1.0", "7.3.1-dev", true),
        (">2.0.0", "1.5.0", false),
        ("~1.0", "1.5.0", true),
        (">=1.0.0 & <2.0.0", "1.5.0", true),
        (">=1.0.0 & <2.0.0", "1.0.0-beta", false),
        ("1.2.3-dev", "1.2.2", false),
        ("^6.0.0-dev", "6.5.0-dev", true),
        ("1.0", "1.0", true),
    ])
    func compatibility(_ range: String, _ version: String, _ expected: Bool) throws {
        #expect(try VersionCompatibility.isCompatible(range: range, version: version) == expected)
    }

    @Test func strictStep() throws {
        // A development range accepts only its own text.
        #expect(try VersionCompatibility.isStrictlyCompatible(range: "1.2.3-dev", version: "1.2.3-dev"))
        #expect(try !VersionCompatibility.isStrictlyCompatible(range: "1.2.3-dev", version: "1.2.4"))
        // Pre-releases are below their release.
        #expect(try !VersionCompatibility.isStrictlyCompatible(range: "^6.0.0", version: "6.0.0-dev"))
        // The real case: elements (kurentoVersion ^7.1.0) importing core 7.3.1-dev is compatible directly.
        #expect(try VersionCompatibility.isStrictlyCompatible(range: "^7.1.0", version: "7.3.1-dev"))
        #expect(try !VersionCompatibility.isStrictlyCompatible(range: "6.0.0-dev", version: "^6.0.0"))
    }

    @Test func relaxedStep() throws {
        #expect(try VersionCompatibility.isDevelopmentCompatible(range: "1.2.3-dev", version: "1.2.4"))
        #expect(try VersionCompatibility.isDevelopmentCompatible(range: "^6.0.0", version: "6.0.0-dev"))
        #expect(try VersionCompatibility.isDevelopmentCompatible(range: "6.0.0-dev", version: "^6.0.0"))
        #expect(try !VersionCompatibility.isDevelopmentCompatible(range: "1.2.3-dev", version: "2.0.0"))
        // The rewritten range still ends in -dev, so it only accepts its own text.
        #expect(try !VersionCompatibility.isDevelopmentCompatible(range: "1.0.0-dev-dev", version: "1.0.0"))
    }

    @Test func semanticVersionOverload() throws {
        #expect(try VersionCompatibility.isCompatible(range: "^7.1.0", version: SemanticVersion(parsing: "7.3.1-dev")))
        #expect(try VersionCompatibility.isCompatible(range: "6.0.0-dev", version: SemanticVersion(parsing: "6.0.0")))
        #expect(try !VersionCompatibility.isCompatible(range: ">2.0.0", version: SemanticVersion(parsing: "1.5.0")))
    }

    /// Errors point into the range as given, even when it was rewritten by the relaxed step.
    @Test(arguments: [
        ("1.0.0 &", "1.0.0", "expected a version range after '&'", 7),
        ("^1.0", "1.5.0", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 4),
        // `^1.0-dev` → `^1.0`
        ("^1.0-dev", "1.5.0", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 4),
        // `>=1.0.0-dev` → `^>=1.0.0`: the '>' is offset 0 of the original text
        (">=1.0.0-dev", "1.5.0", "expected a version number, found '>'", 0),
        // `1.0-dev` → `^1.0`: the missing patch is where `-dev` was
        ("1.0-dev", "1.5.0", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 3),
        ("1.2.3-beta-dev", "1.5.0", "a pre-release tag is not allowed in a caret range", 5),
        // An invalid module version is reported with an offset into the version.
        (">=1.0.0", "1.0", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 3),
    ])
    func errors(_ range: String, _ version: String, _ message: String, _ offset: Int) {
        #expect(throws: VersionSyntaxError(message: message, offset: offset)) {
            try VersionCompatibility.isCompatible(range: range, version: version)
        }
    }
}
