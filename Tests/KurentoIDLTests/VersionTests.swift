import Testing
@testable import KurentoIDL

/// `SemanticVersion`: full semver 2.0 parsing and precedence.
struct VersionTests {
    private func v(_ text: String) throws -> SemanticVersion { try SemanticVersion(parsing: text) }

    @Test func parsesParts() throws {
        let version = try v("1.22.333-rc.1+build.007")
        #expect(version.major == 1)
        #expect(version.minor == 22)
        #expect(version.patch == 333)
        #expect(version.preRelease == ["rc", "1"])
        #expect(version.buildMetadata == ["build", "007"])
        #expect(version.description == "1.22.333-rc.1+build.007")
        #expect(version.core == SemanticVersion(major: 1, minor: 22, patch: 333))
    }

    @Test(arguments: ["0.0.0", "1.2.3", "7.3.1-dev", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92",
                      "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0-x-y-z.--", "1.0.0+0001"])
    func roundTrips(_ text: String) throws {
        #expect(try v(text).description == text)
    }

    @Test func developmentVersions() throws {
        #expect(try v("7.3.1-dev").isDevelopment)
        #expect(try v("7.3.1-rc-dev").isDevelopment)
        #expect(try !v("7.3.1").isDevelopment)
        #expect(try !v("7.3.1-dev.1").isDevelopment)
        #expect(try !v("7.3.1-dev+b").isDevelopment)
    }

    @Test func semverSpecPrecedence() throws {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                       "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.9.0", "1.10.0", "2.0.0"]
        let versions = try ordered.map(v)
        for (a, b) in zip(versions, versions.dropFirst()) {
            #expect(a < b, "\(a) < \(b)")
            #expect(!(b < a), "!(\(b) < \(a))")
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test func kurentoPrecedence() throws {
        #expect(try v("7.3.1-dev") < v("7.3.1"))
        #expect(try v("7.3.1-dev") > v("7.1.0"))
        #expect(try v("1.0.0-beta") < v("1.0.0"))
    }

    @Test func numericPreReleaseIdentifiersCompareNumerically() throws {
        #expect(try v("1.0.0-2") < v("1.0.0-10"))
        #expect(try v("1.0.0-99999999999999999999") < v("1.0.0-100000000000000000000"))
        #expect(try v("1.0.0-999") < v("1.0.0-a"))
    }

    @Test func buildMetadataIsIgnoredByPrecedenceAndEquality() throws {
        #expect(try v("1.0.0+a") == v("1.0.0+b"))
        #expect(try v("1.0.0+a").hashValue == v("1.0.0").hashValue)
        #expect(try !(v("1.0.0+a") < v("1.0.0+b")))
        #expect(try v("1.0.0-rc.1+x") < v("1.0.0"))
    }

    @Test(arguments: [
        ("", "expected a version number", 0),
        ("1.0", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 3),
        ("1", "'1' is not a full version (MAJOR.MINOR.PATCH)", 1),
        ("1.0-dev", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 3),
        ("a.b.c", "expected a version number, found 'a'", 0),
        ("1.b.c", "expected a number after '.', found 'b'", 2),
        ("01.0.0", "leading zeros are not allowed in '01'", 0),
        ("1.00.0", "leading zeros are not allowed in '00'", 2),
        ("1.0.0-01", "leading zeros are not allowed in numeric pre-release identifier '01'", 6),
        ("1.0.0-", "expected a pre-release identifier after '-'", 6),
        ("1.0.0-a..b", "expected a pre-release identifier after '.', found '.'", 8),
        ("1.0.0+", "expected a build metadata identifier after '+'", 6),
        ("1.0.0-a_b", "unexpected character '_' after version '1.0.0-a'", 7),
        ("1.0.0.0", "unexpected character '.' after version '1.0.0'", 5),
        (" 1.0.0", "expected a version number, found ' '", 0),
        ("1.0.0 ", "unexpected character ' ' after version '1.0.0'", 5),
        ("1.0x", "unexpected character 'x' in version", 3),
        ("99999999999999999999.0.0", "version number '99999999999999999999' is too large", 0),
        ("é.0.0", "expected a version number, found 'é'", 0),
        ("1.0.0-é", "expected a pre-release identifier after '-', found 'é'", 6),
    ])
    func syntaxErrors(_ text: String, _ message: String, _ offset: Int) {
        #expect(throws: VersionSyntaxError(message: message, offset: offset)) {
            try SemanticVersion(parsing: text)
        }
    }

    @Test func offsetsCountUnicodeScalars() {
        // "e\u{301}" is one Character but two scalars: the offending combining mark is scalar 7, Character 6.
        #expect(throws: VersionSyntaxError(message: "unexpected character '\u{301}' after version '1.0.0-e'",
                                           offset: 7)) {
            try SemanticVersion(parsing: "1.0.0-e\u{301}")
        }
    }
}
