import Testing
@testable import KurentoIDL

/// `PackageVersions`: the creator's `convertToMavenImport` / `convertToNpmImport`.
struct VersionPackageTests {
    /// Every row of `VersionManagerTest.mavenConversionTest`, the `ImportModulesWithRangesTest` imports, the
    /// reference examples, and the dev variants of each table line.
    @Test(arguments: [
        ("^1.2.3", "[1.2.3,2.0.0-SNAPSHOT)"),
        ("1.0.0-dev", "1.0.0-SNAPSHOT"),
        ("~1.2.3", "[1.2.3,1.3.0-SNAPSHOT)"),
        ("~1.2", "[1.2.0,2.0.0-SNAPSHOT)"),
        ("~1", "[1.0.0,)"),
        ("1.0.0", "1.0.0"),
        ("<1.0.0", "(,1.0.0-SNAPSHOT)"),
        (">1.0.0", "(1.0.0,)"),
        ("<=1.0.0", "(,1.0.0]"),
        (">=1.0.0", "[1.0.0,)"),
        ("<=0.9.9 | >=1.0.0", "(,0.9.9],[1.0.0,)"),
        ("<0.9.9 | >=1.0.0", "(,0.9.9-SNAPSHOT),[1.0.0,)"),
        (">=1.2 & <=1.3", "[1.2.0,1.3.0]"),
        (">=1.0 & <2.0", "[1.0.0,2.0.0-SNAPSHOT)"),
        ("<=1.0 | >=1.2", "(,1.0.0],[1.2.0,)"),
        ("~1.0", "[1.0.0,2.0.0-SNAPSHOT)"),
        (">=1.0.0 & <2.0.0", "[1.0.0,2.0.0-SNAPSHOT)"),
        ("<2.0 & >1.0", "(1.0.0,2.0.0-SNAPSHOT)"),
        ("1.*", "[1.0.0,2.0.0-SNAPSHOT)"),
        ("1.0 - 2.0", "[1.0.0,2.0.0]"),
        ("1 | 2 | 3", "1.0.0,2.0.0,3.0.0"),
        ("^0.3.1", "[0.3.1,1.0.0-SNAPSHOT)"),
        ("^1.2.3-dev", "[1.2.3-SNAPSHOT,2.0.0-SNAPSHOT)"),
        ("<1.0.0-dev", "(,1.0.0-SNAPSHOT)"),
        ("<=1.0.0-dev", "(,1.0.0-SNAPSHOT]"),
        (">1.0.0-dev", "(1.0.0-SNAPSHOT,)"),
        (">=1.0.0-dev", "[1.0.0-SNAPSHOT,)"),
        (">=1.0 & <=2.0.0-dev", "[1.0.0-SNAPSHOT,2.0.0]"),
        ("<0.9.9 | >=1.0.0-dev", "(,0.9.9-SNAPSHOT),[1.0.0-SNAPSHOT,)"),
    ])
    func maven(_ importVersion: String, _ expected: String) throws {
        #expect(try PackageVersions.maven(importVersion) == expected)
    }

    /// Every row of `VersionManagerTest.npmConversionTest` (no `npmGit`), the `ImportModulesWithRangesTest`
    /// imports, and dev variants.
    @Test(arguments: [
        ("^1.2.3", ">=1.2.3 <2.0.0"),
        ("1.0.0", "1.0.0"),
        ("~1.2.3", ">=1.2.3 <1.3.0"),
        ("~1.2", ">=1.2.0 <2.0.0"),
        ("~1", ">=1.0.0"),
        ("<1.0.0", "<1.0.0"),
        (">1.0.0", ">1.0.0"),
        ("<=1.0.0", "<=1.0.0"),
        (">=1.0.0", ">=1.0.0"),
        (">=1.2 & <=1.3", ">=1.2.0 <=1.3.0"),
        (">=1.0 & <2.0", ">=1.0.0 <2.0.0"),
        ("<=1.0 | >=1.2", "<=1.0.0 || >=1.2.0"),
        ("~1.0", ">=1.0.0 <2.0.0"),
        (">=1.0.0 & <2.0.0", ">=1.0.0 <2.0.0"),
        ("~1.2 & <1.5", ">=1.2.0 <2.0.0 <1.5.0"),
        ("<1 | >2 & <3", "<1.0.0 || >2.0.0 <3.0.0"),
        ("1.0.0-dev", "1.0.0"),
        ("^1.2.3-dev", ">=1.2.3 <2.0.0"),
    ])
    func npm(_ importVersion: String, _ expected: String) throws {
        #expect(try PackageVersions.npm(importVersion, importedModuleNpmGit: nil) == expected)
    }

    /// `NpmVersionTest`: a dev import of a module with `npmGit` is that URL; without, `-dev` is dropped.
    @Test func npmGit() throws {
        let git = "git://host/path"
        #expect(try PackageVersions.npm("1.0.0-dev", importedModuleNpmGit: git) == git)
        #expect(try PackageVersions.npm("1.0.0-dev", importedModuleNpmGit: nil) == "1.0.0")
        #expect(try PackageVersions.npm("1.0.0", importedModuleNpmGit: git) == "1.0.0")
        #expect(try PackageVersions.npm("^1.2.3", importedModuleNpmGit: git) == ">=1.2.3 <2.0.0")
        // The URL is returned before the range is looked at.
        #expect(try PackageVersions.npm("!=1.0.0-dev", importedModuleNpmGit: git) == git)
    }

    @Test(arguments: ["!=1.0.0", "!(1.0.0)", "~1.2 & <1.5", ">=1.0 & >2.0", "<1 & <2", "=1.0.0 & <2",
                      "1.* | !=3.0.0", ">=1 & (<2 | >3)", "(>=1 & <2) & <3", "!=1.0.0-dev"])
    func mavenUnsupported(_ importVersion: String) {
        #expect(throws: PackageVersionError.unsupported(version: importVersion)) {
            try PackageVersions.maven(importVersion)
        }
    }

    @Test(arguments: ["!=1.0.0", "!(1.0.0)", "1.* | !=3.0.0", ">=1 & (<2 | >3)", "<1 & !(2)", "!=1.0.0-dev"])
    func npmUnsupported(_ importVersion: String) {
        #expect(throws: PackageVersionError.unsupported(version: importVersion)) {
            try PackageVersions.npm(importVersion, importedModuleNpmGit: nil)
        }
    }

    @Test func unsupportedMessage() {
        #expect(PackageVersionError.unsupported(version: "!=1.0.0").message == "Version '!=1.0.0' in import not supported")
    }

    /// Syntax errors keep their offsets into the import version as written, `-dev` included.
    @Test(arguments: [
        (">=1.0 &", "expected a version range after '&'", 7),
        (">=1.0 &-dev", "expected a version range after '&'", 7),
        ("^1.0-dev", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 4),
        ("1.0.0-beta", "a pre-release tag is not allowed in a version range", 5),
        ("", "expected a version range", 0),
    ])
    func syntaxErrors(_ importVersion: String, _ message: String, _ offset: Int) {
        let expected = PackageVersionError.syntax(VersionSyntaxError(message: message, offset: offset))
        #expect(throws: expected) { try PackageVersions.maven(importVersion) }
        #expect(throws: expected) { try PackageVersions.npm(importVersion, importedModuleNpmGit: nil) }
    }
}
