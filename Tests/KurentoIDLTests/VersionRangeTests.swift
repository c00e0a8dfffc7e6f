import Testing
@testable import KurentoIDL

/// `VersionRange`: jsemver's expression grammar as vendored by the Kurento module creator.
struct VersionRangeTests {
    private func range(_ text: String) throws -> VersionRange { try VersionRange(parsing: text) }
    private func satisfies(_ version: String, _ text: String) throws -> Bool {
        try range(text).isSatisfied(by: SemanticVersion(parsing: version))
    }

    /// Every assertion of the creator's `SemVerTests.parserTest`, plus the comparison basics.
    @Test(arguments: [
        ("=1.0.0", "1.0.0", true),
        ("1.0.0", "1.0.0", true),
        ("!=1.0.0", "1.2.3", true),
        ("!=1.0.0", "1.0.0", false),
        (">1.0.0", "1.2.3", true),
        (">1.0.0", "1.0.0", false),
        (">=1.0.0", "1.0.0", true),
        (">=1.0.0", "1.2.3", true),
        (">=1.2.3", "1.0.0", false),
        ("<1.2.3", "1.0.0", true),
        ("<1.2.3", "1.2.3", false),
        ("<=1.2.3", "1.0.0", true),
        ("<=1.2.3", "1.2.3", true),
        ("<=1.2.3", "1.2.4", false),
        ("~1", "1.2.3", true),
        ("~1", "3.2.1", true),
        ("~1.2", "1.2.3", true),
        ("~1.2", "2.0.0", false),
        ("~1.2.3", "1.2.3", true),
        ("~1.2.3", "1.3.0", false),
        ("1", "1.0.0", true),
        ("2.0", "2.0.0", true),
        ("1.*", "1.2.3", true),
        ("1.*", "3.2.1", false),
        ("1.2.*", "1.2.3", true),
        ("1.2.*", "1.3.2", false),
        ("1.0.0 - 2.0.0", "1.2.3", true),
        ("1.0.0 - 2.0.0", "3.2.1", false),
        (">=1.0.0 & <2.0.0", "1.2.3", true),
        (">=1.0.0 & <2.0.0", "3.2.1", false),
        ("1.* | =2.0.0", "1.2.3", true),
        ("1.* | =2.0.0", "2.1.0", false),
        ("(1)", "1.0.0", true),
        ("((1))", "1.0.0", true),
        ("!(1)", "2.0.0", true),
        ("!(1)", "1.0.0", false),
        ("0.* & !(>=1 & <2)", "0.5.0", true),
        ("0.* & !(>=1 & <2)", "1.0.1", false),
        ("!(>=1 & <2) & >=2", "2.0.0", true),
        ("!(>=1 & <2) & >=2", "1.2.3", false),
        ("(~1.0 & <2.0) | >2.0", "2.5.0", true),
        ("~1.0 & (<2.0 | >2.0)", "2.5.0", false),
        ("((>=1.0.1 & <2) | (>=3.0 & <4)) & ((1-1.5) & (~1.5))", "1.5.0", true),
        ("((>=1.0.1 & <2) | (>=3.0 & <4)) & ((1-1.5) & (~1.5))", "2.5.0", false),
    ])
    func parserTest(_ expression: String, _ version: String, _ expected: Bool) throws {
        #expect(try satisfies(version, expression) == expected)
    }

    /// `SemVerTests.test`: no npm-style pre-release exclusion, just precedence.
    @Test func semVerTest() throws {
        #expect(try !satisfies("1.0.0-beta", ">=1.0.0 & <2.0.0"))
        #expect(try satisfies("1.5.0", ">=1.0.0 & < 2.0.0"))
        #expect(try satisfies("1.5.0", "~1.0"))
        #expect(try satisfies("7.3.1-dev", "^7.1.0"))
        #expect(try satisfies("1.0.0+build", "=1.0.0"))
    }

    /// Shorthands expand to the trees jsemver builds (which the Maven/npm conversions rely on).
    @Test(arguments: [
        ("1", "=1.0.0"),
        ("1.2", "=1.2.0"),
        ("~1", ">=1.0.0"),
        ("~1.2", ">=1.2.0 & <2.0.0"),
        ("~1.2.3", ">=1.2.3 & <1.3.0"),
        ("*", ">=0.0.0"),
        ("1.*", ">=1.0.0 & <2.0.0"),
        ("1.2.*", ">=1.2.0 & <1.3.0"),
        ("1.0 - 2.0", ">=1.0.0 & <=2.0.0"),
        ("1-2", ">=1.0.0 & <=2.0.0"),
        ("^1.2.3", ">=1.2.3 & <2.0.0"),
        ("^0.3.1", ">=0.3.1 & <1.0.0"),
        ("^7.1.0", ">=7.1.0 & <8.0.0"),
        (" >=  1 . 2\t&\n< 2 ", ">=1.2.0 & <2.0.0"),
        ("!( 1 )", "!(=1.0.0)"),
    ])
    func expansions(_ text: String, _ expanded: String) throws {
        #expect(try range(text) == range(expanded))
        #expect(try range(text).description == expanded)
    }

    @Test func structure() throws {
        let v = { (text: String) throws -> SemanticVersion in try SemanticVersion(parsing: text) }
        #expect(try range("~1.2") == .and(.comparison(.greaterOrEqual, v("1.2.0")), .comparison(.less, v("2.0.0"))))
        #expect(try range("!=1") == .comparison(.notEqual, v("1.0.0")))
        #expect(try range("!(1) | <0.5")
                == .or(.not(.comparison(.equal, v("1.0.0"))), .comparison(.less, v("0.5.0"))))
    }

    /// `&` and `|` bind equally and associate to the right.
    @Test(arguments: [
        ("<1 & >2 | >3", "<1 & (>2 | >3)"),
        ("<1 | >2 & >3", "<1 | (>2 & >3)"),
        ("<1 | >2 | >3", "<1 | (>2 | >3)"),
        ("<1 & >2 & >3", "<1 & (>2 & >3)"),
        ("(1) & 2 | 3", "1 & (2 | 3)"),
        ("!(1) | 2 & 3", "!(1) | (2 & 3)"),
    ])
    func precedence(_ text: String, _ grouped: String) throws {
        #expect(try range(text) == range(grouped))
    }

    @Test func precedenceIsObservable() throws {
        // Left-associative reading would be (<1 & >2) | >3, satisfied by 4.0.0.
        #expect(try !satisfies("4.0.0", "<1.0.0 & >2.0.0 | >3.0.0"))
        #expect(try satisfies("4.0.0", "(<1.0.0 & >2.0.0) | >3.0.0"))
    }

    @Test(arguments: ["1.* | =2.0.0", "(>=1 & <2) | >3", "<1 & (>2 | >3)", "!(1) & !(2 | 3)",
                      "((>=1.0.1 & <2) | (>=3.0 & <4)) & ((1-1.5) & (~1.5))", "(1 | 2) | (3 & 4)"])
    func descriptionRoundTrips(_ text: String) throws {
        let parsed = try range(text)
        #expect(try range(parsed.description) == parsed)
    }

    @Test func descriptionsAreCanonical() throws {
        #expect(try range("(>=1 & <2) | >3").description == "(>=1.0.0 & <2.0.0) | >3.0.0")
        #expect(try range("<1 & (>2 | >3)").description == "<1.0.0 & >2.0.0 | >3.0.0")
        #expect(try range("!(1.*)").description == "!(>=1.0.0 & <2.0.0)")
    }

    @Test(arguments: [
        ("", "expected a version range", 0),
        ("   ", "expected a version range", 3),
        (">=1.0 &", "expected a version range after '&'", 7),
        (">=1.0 | ", "expected a version range after '|'", 8),
        ("1.0.0 & (<2", "unclosed '(': expected ')' before the end", 8),
        ("!(1", "unclosed '(': expected ')' before the end", 1),
        ("(1 2)", "expected '&', '|' or ')', found '2'", 3),
        ("1.0.0)", "unexpected ')'", 5),
        ("()", "expected a version range after '(', found ')'", 1),
        ("!1", "expected '(' after '!', found '1'", 1),
        ("!", "expected '(' after '!'", 1),
        ("a.b.c", "expected a version range, found 'a'", 0),
        ("é", "expected a version range, found 'é'", 0),
        (">=", "expected a version number after '>='", 2),
        (">= x", "expected a version number after '>=', found 'x'", 3),
        ("> =1", "expected a version number after '>', found '='", 2),
        ("~", "expected a version number after '~'", 1),
        ("1.0 -", "expected a version number after '-'", 5),
        ("1.", "expected a number after '.'", 2),
        ("1.0.0 2.0.0", "expected '&' or '|' before '2'", 6),
        ("1.0.0 x", "unexpected character 'x'", 6),
        ("1.0.0.0", "expected '&' or '|' before '.'", 5),
        ("1.*.3", "expected '&' or '|' before '.'", 3),
        ("1.2.3.*", "expected '*', found '3'", 4),
        ("1*", "expected '.', found '*'", 1),
        ("01", "leading zeros are not allowed in '01'", 0),
        ("99999999999999999999", "version number '99999999999999999999' is too large", 0),
        ("~9223372036854775807.1", "version number is too large", 1),
        ("1.0.0-beta", "a pre-release tag is not allowed in a version range", 5),
        (">=1.0.0-beta & <2", "a pre-release tag is not allowed in a version range", 7),
        ("1.0.0-dev", "a pre-release tag is not allowed in a version range", 5),
        ("1 - 2.0-rc.1", "a pre-release tag is not allowed in a version range", 7),
        ("1.0.0+build", "build metadata is not allowed in a version range", 5),
        ("1.0.0 - beta", "expected a version number after '-', found 'b'", 8),
        ("^1.0", "'1.0' is not a full version (MAJOR.MINOR.PATCH)", 4),
        ("^", "expected a version number", 1),
        ("^ 1.2.3", "expected a version number, found ' '", 1),
        ("^1.2.3-beta", "a pre-release tag is not allowed in a caret range", 6),
        ("^1.2.3+b", "build metadata is not allowed in a caret range", 6),
        ("^1.2.3 & <1.5", "unexpected character ' ' after version '1.2.3'", 6),
        ("^9223372036854775807.0.0", "major version is too large", 1),
        (">=1 & ^2.0.0", "'^' is only allowed as the first character of a range", 6),
        (" ^1.2.3", "'^' is only allowed as the first character of a range", 1),
    ])
    func syntaxErrors(_ text: String, _ message: String, _ offset: Int) {
        #expect(throws: VersionSyntaxError(message: message, offset: offset)) {
            try VersionRange(parsing: text)
        }
    }

    @Test func nestingIsBounded() throws {
        let depth = VersionRangeParser.maximumDepth
        let fine = String(repeating: "(", count: depth - 1) + "1" + String(repeating: ")", count: depth - 1)
        #expect(try range(fine) == range("1"))
        let tooDeep = String(repeating: "(", count: depth + 10) + "1" + String(repeating: ")", count: depth + 10)
        #expect(throws: VersionSyntaxError(message: "version range is nested too deeply", offset: depth)) {
            try VersionRange(parsing: tooDeep)
        }
        let longChain = Array(repeating: "1", count: depth + 10).joined(separator: "|")
        #expect(throws: VersionSyntaxError.self) { try VersionRange(parsing: longChain) }
    }
}
