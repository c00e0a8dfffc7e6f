import Foundation
import Testing
@testable import KurentoIDL

/// A JSON value without source locations, to compare what was read regardless of where.
enum PlainJSON: Hashable, CustomStringConvertible {
    case null, bool(Bool), number(String), string(String), array([PlainJSON]), object([Member])

    struct Member: Hashable {
        var key: String
        var value: PlainJSON
    }

    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(PlainJSON.init))
        case .object(let m): self = .object(m.map { Member(key: $0.key, value: PlainJSON($0.value)) })
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let n): n
        case .string(let s): "\(s.debugDescription)"
        case .array(let a): "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let m): "{" + m.map { "\($0.key.debugDescription):\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}

/// Reads `text` as file `t.json`.
func readJSON(_ text: String) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
    LenientJSONReader.read(text, file: "t.json")
}

/// A small deterministic random generator (SplitMix64), so that fuzz inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ReaderTests {
    // MARK: Helpers

    /// Expects reading to fail with exactly one error of `id` at `line:column` (no root), and returns it.
    @discardableResult
    func expectError(_ input: String, _ id: DiagnosticID, at line: Int, _ column: Int, _ fragment: String? = nil,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        expectError(bytes: Array(input.utf8), id, at: line, column, fragment, sourceLocation: sourceLocation)
    }

    @discardableResult
    func expectError(bytes: [UInt8], _ id: DiagnosticID, at line: Int, _ column: Int, _ fragment: String? = nil,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let result = LenientJSONReader.read(bytes, file: "t.json")
        #expect(result.root == nil, "a root despite an error", sourceLocation: sourceLocation)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "errors: \(errors)", sourceLocation: sourceLocation)
        guard let error = errors.first else { return nil }
        #expect(error.id == id, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location == loc(line, column), "\(error)", sourceLocation: sourceLocation)
        if let fragment {
            #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
        }
        return error
    }

    /// Expects reading to succeed with exactly the given warning ids (in order) and returns the root.
    func expectValue(_ input: String, warnings: [DiagnosticID] = [],
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JSONNode? {
        let result = readJSON(input)
        #expect(result.diagnostics.map(\.id) == warnings, "\(result.diagnostics)", sourceLocation: sourceLocation)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning }, sourceLocation: sourceLocation)
        #expect(result.root != nil, "no root", sourceLocation: sourceLocation)
        return result.root
    }

    func loc(_ line: Int, _ column: Int) -> KurentoIDL.SourceLocation {
        KurentoIDL.SourceLocation(file: "t.json", line: line, column: column)
    }

    // MARK: Values and locations

    @Test func valuesAndKeysHaveLocations() throws {
        let root = try #require(expectValue("{\n  \"a\": 1,\n\t\"b\": [true, null],\n  \"é\": \"x\", \"c\": {}\n}"))
        #expect(root.location == loc(1, 1))
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["a", "b", "é", "c"])
        #expect(members.map(\.keyLocation) == [loc(2, 3), loc(3, 2), loc(4, 3), loc(4, 13)])
        #expect(members.map(\.value.location) == [loc(2, 8), loc(3, 7), loc(4, 8), loc(4, 18)])
        let array = try #require(members[1].value.array)
        #expect(array.map(\.location) == [loc(3, 8), loc(3, 14)])
        #expect(array.map(\.value) == [.bool(true), .null])
        #expect(members[0].value.numberText == "1")
        #expect(members[2].value.string == "x")
        #expect(members[3].value.members?.isEmpty == true)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let root = try #require(expectValue("[\"😀\", 1, \"é\", 2]"))
        #expect(root.array?.map(\.location.column) == [2, 7, 10, 15])
    }

    @Test func lineBreaksInsideStringsAdvanceTheLine() throws {
        let root = try #require(expectValue("{\"a\": \"x\ny\", \"b\": 2}", warnings: [.rawControlCharacter]))
        #expect(root["a"]?.string == "x\ny")
        #expect(root.members?[1].keyLocation == loc(2, 5))
        #expect(root["b"]?.location == loc(2, 10))
    }

    @Test func crlfAndLoneCarriageReturnBreakLines() throws {
        let crlf = try #require(expectValue("{\r\n  \"a\": 1\r\n}"))
        #expect(crlf.members?[0].keyLocation == loc(2, 3))
        let cr = try #require(expectValue("[\r1,\r\r 2]"))
        #expect(cr.array?.map(\.location) == [loc(2, 1), loc(4, 2)])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let result = LenientJSONReader.read([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8), file: "t.json")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.location == loc(1, 1))
        #expect(root.members?[0].keyLocation == loc(1, 2))
    }

    @Test func stringOverloadMatchesBytes() {
        let text = "{\"a\": [1, 'b']}"
        let fromString = LenientJSONReader.read(text, file: "t.json")
        let fromBytes = LenientJSONReader.read(Array(text.utf8), file: "t.json")
        #expect(fromString.root == fromBytes.root)
        #expect(fromString.diagnostics == fromBytes.diagnostics)
    }

    @Test func literalsAndNumbersKeepTheirText() throws {
        let root = try #require(expectValue("[true, false, null, 0, -0, 12, 1.50, -1e3, 2E+10, 0.04, 1e-7, 10.0e00]"))
        let values = try #require(root.array).map(\.value)
        #expect(values == [.bool(true), .bool(false), .null, .number("0"), .number("-0"), .number("12"),
                           .number("1.50"), .number("-1e3"), .number("2E+10"), .number("0.04"), .number("1e-7"),
                           .number("10.0e00")])
    }

    @Test func topLevelScalarsAreValues() throws {
        #expect(expectValue(" 42 ")?.numberText == "42")
        #expect(expectValue("\"s\"")?.string == "s")
        #expect(expectValue("null")?.isNull == true)
    }

    @Test func escapesAreDecoded() throws {
        let root = try #require(expectValue(#"["\"\\\/\b\f\n\r\t\u0041\u00e9\uD83D\ude00\u0000x", "a\u20ACb"]"#))
        #expect(root.array?.map(\.string) == ["\"\\/\u{8}\u{C}\n\r\tAé😀\u{0}x", "a€b"])
    }

    @Test func emptyContainers() throws {
        let root = try #require(expectValue("{\"a\": [], \"b\": {}, \"c\": [ ], \"d\": {\n}}"))
        #expect(root.members?.map { PlainJSON($0.value) } == [.array([]), .object([]), .array([]), .object([])])
        #expect(root["d"]?.location == loc(1, 35))
    }

    // MARK: Lenient constructs (warnings, once per kind)

    @Test func rawControlCharactersAreCountedOnce() throws {
        let result = readJSON("{\"a\": \"x\ny\tz\", \"b\": \"\n\"}")
        let root = try #require(result.root)
        #expect(root["a"]?.string == "x\ny\tz")
        #expect(root["b"]?.string == "\n")
        #expect(result.diagnostics.count == 1)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.id == .rawControlCharacter)
        #expect(warning.severity == .warning)
        #expect(warning.location == loc(1, 9))
        #expect(warning.message == "raw newline inside a string (accepted, as Kurento's reader does); 2 more in this file")
    }

    @Test func rawControlCharacterNamesTheFirstOne() throws {
        let result = readJSON("[\"a\u{1}b\"]")
        #expect(result.root?.array?.first?.string == "a\u{1}b")
        #expect(result.diagnostics.map(\.message) == ["raw control character U+0001 inside a string (accepted, as Kurento's reader does)"])
        #expect(result.diagnostics.first?.location == loc(1, 4))
    }

    @Test func commentsOfAllThreeKindsAreOneWarning() throws {
        let result = readJSON("// head\n{ # hash\n  \"a\": /* block\n */ 1 // tail\n} /* end */")
        let root = try #require(result.root)
        #expect(root["a"]?.numberText == "1")
        #expect(root["a"]?.location == loc(4, 5))
        #expect(result.diagnostics.map(\.id) == [.comment])
        #expect(result.diagnostics.first?.location == loc(1, 1))
        #expect(result.diagnostics.first?.message.hasPrefix("'//' comment") == true)
        #expect(result.diagnostics.first?.message.hasSuffix("; 4 more in this file") == true)
    }

    @Test func commentAtEndOfFileWithoutNewline() throws {
        #expect(expectValue("[1] // done", warnings: [.comment])?.array?.count == 1)
        #expect(expectValue("[1] # done", warnings: [.comment])?.array?.count == 1)
    }

    @Test func hashAndBlockCommentsAreNamed() {
        #expect(readJSON("# x\n1").diagnostics.first?.message.hasPrefix("'#' comment") == true)
        #expect(readJSON("/**/1").diagnostics.first?.message.hasPrefix("'/* */' comment") == true)
    }

    @Test func trailingCommaInArrayAddsNoNull() throws {
        let result = readJSON("[1, 2,]")
        let root = try #require(result.root)
        #expect(root.array?.map(PlainJSON.init) == [.number("1"), .number("2")])
        #expect(result.diagnostics.map(\.id) == [.trailingComma])
        #expect(result.diagnostics.first?.location == loc(1, 6))
        #expect(result.diagnostics.first?.message.contains("null") == true)
    }

    @Test func trailingCommaInObjectIsAccepted() throws {
        let root = try #require(expectValue("{\"a\": 1,\n}", warnings: [.trailingComma]))
        #expect(root.members?.count == 1)
    }

    @Test func trailingCommasAreCounted() throws {
        let result = readJSON("[[1,], {\"a\": 2, }, [ ],\n]")
        #expect(PlainJSON(try #require(result.root)) == .array([
            .array([.number("1")]), .object([.init(key: "a", value: .number("2"))]), .array([]),
        ]))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location == loc(1, 4))
        #expect(result.diagnostics.first?.message.hasSuffix("; 2 more in this file") == true)
    }

    @Test func unquotedKeys() throws {
        let result = readJSON("{name: \"x\", $a-b_1: 2, _c: 3}")
        let root = try #require(result.root)
        #expect(root.members?.map(\.key) == ["name", "$a-b_1", "_c"])
        #expect(root.members?.map(\.keyLocation) == [loc(1, 2), loc(1, 13), loc(1, 24)])
        #expect(result.diagnostics.map(\.id) == [.unquotedKey])
        #expect(result.diagnostics.first?.location == loc(1, 2))
        #expect(result.diagnostics.first?.message.contains("\"name\"") == true)
        #expect(result.diagnostics.first?.message.hasSuffix("; 2 more in this file") == true)
    }

    @Test func singleQuotedStrings() throws {
        let result = readJSON("{'k': ['it\\'s', 'a\"b', '\\u0041\\n']}")
        let root = try #require(result.root)
        #expect(root.members?.first?.key == "k")
        #expect(root["k"]?.array?.map(\.string) == ["it's", "a\"b", "A\n"])
        #expect(result.diagnostics.map(\.id) == [.singleQuotedString])
        #expect(result.diagnostics.first?.location == loc(1, 2))
        #expect(result.diagnostics.first?.message.hasSuffix("; 3 more in this file") == true)
    }

    @Test func nonStandardSeparators() throws {
        let result = readJSON("{\"a\" = 1; \"b\" => [2; 3]}")
        let root = try #require(result.root)
        #expect(PlainJSON(root) == .object([
            .init(key: "a", value: .number("1")),
            .init(key: "b", value: .array([.number("2"), .number("3")])),
        ]))
        #expect(result.diagnostics.map(\.id) == [.nonStandardSeparator])
        #expect(result.diagnostics.first?.location == loc(1, 6))
        #expect(result.diagnostics.first?.message
            == "'=' used instead of ':' (accepted, as Kurento's reader does); 3 more in this file")
    }

    @Test func trailingSemicolonIsSeparatorAndTrailingComma() throws {
        let root = try #require(expectValue("[1;]", warnings: [.nonStandardSeparator, .trailingComma]))
        #expect(root.array?.count == 1)
    }

    @Test func warningsAreInSourceOrder() {
        let result = readJSON("{a: 'x', // c\n \"b\": \"1\n2\",}")
        #expect(result.diagnostics.map(\.id) == [.unquotedKey, .singleQuotedString, .comment, .rawControlCharacter, .trailingComma])
        #expect(result.root != nil)
    }

    // MARK: Duplicate keys

    @Test func duplicateKeyIsAnErrorWithANoteAndBothMembersStay() throws {
        let result = readJSON("{\"a\": 1,\n \"a\": 2}")
        let root = try #require(result.root)
        #expect(root.members?.map(\.key) == ["a", "a"])
        #expect(root.members?.map(\.value.numberText) == ["1", "2"])
        #expect(result.diagnostics.count == 1)
        let error = try #require(result.diagnostics.first)
        #expect(error.id == .duplicateKey)
        #expect(error.severity == .error)
        #expect(error.location == loc(2, 2))
        #expect(error.message == "duplicate key \"a\" in this object")
        #expect(error.notes == [Diagnostic.Note("first \"a\" is here", at: loc(1, 2))])
    }

    @Test func duplicateKeyInLargeObject() throws {
        let keys = (0..<30).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
        let result = readJSON("{\n\(keys),\n\"k3\": 0, \"k29\": 1, \"new\": 2}")
        let root = try #require(result.root)
        #expect(root.members?.count == 33)
        #expect(result.diagnostics.map(\.id) == [.duplicateKey, .duplicateKey])
        #expect(result.diagnostics.map(\.location) == [loc(32, 1), loc(32, 10)])
        #expect(result.diagnostics.map { $0.notes.first?.location } == [loc(5, 1), loc(31, 1)])
    }

    @Test func sameKeyInDifferentObjectsIsFine() {
        _ = expectValue("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}")
    }

    // MARK: Errors

    @Test(arguments: [
        ([0x80], 5, "continuation"),
        ([0xC0, 0xAF], 5, "overlong"),
        ([0xC1, 0xBF], 5, "overlong"),
        ([0xE0, 0x80, 0xAF], 5, "overlong"),
        ([0xF0, 0x80, 0x80, 0xAF], 5, "overlong"),
        ([0xE2, 0x82], 5, "truncated"),
        ([0xF0, 0x9F, 0x98], 5, "truncated"),
        ([0xC3], 5, "truncated"),
        ([0xED, 0xA0, 0x80], 5, "surrogate"),
        ([0xF4, 0x90, 0x80, 0x80], 5, "above U+10FFFF"),
        ([0xF5, 0x80, 0x80, 0x80], 5, "never appears"),
        ([0xFF], 5, "never appears"),
    ] as [([UInt8], Int, String)])
    func invalidUTF8(sequence: [UInt8], column: Int, fragment: String) {
        // Inside a string, then the rest of a valid document.
        expectError(bytes: Array("[\"ab".utf8) + sequence + Array("\"]".utf8), .invalidUTF8, at: 1, column, fragment)
        // At the very end of the file.
        expectError(bytes: Array("[\"ab".utf8) + sequence, .invalidUTF8, at: 1, column, fragment)
    }

    @Test func invalidUTF8ColumnCountsScalarsBefore() {
        expectError(bytes: Array("[\n1,\n\"é😀".utf8) + [0x80] + Array("\"]".utf8), .invalidUTF8, at: 3, 4)
        expectError(bytes: Array("\t{".utf8) + [0xE2, 0x28, 0xA1], .invalidUTF8, at: 1, 3, "0xE2 is followed by 0x28")
        // Before anything else, even before a syntax error.
        expectError(bytes: [0xFE, 0xFF, 0x00, 0x7B], .invalidUTF8, at: 1, 1)
    }

    @Test func unexpectedEndOfFile() throws {
        let error = try #require(expectError("{\n  \"a\": [1, 2", .unexpectedEndOfFile, at: 2, 13,
                                             "expected ']' to close the array opened at 2:8"))
        #expect(error.notes == [Diagnostic.Note("the array opened here", at: loc(2, 8))])
        expectError("{\"a\": ", .unexpectedEndOfFile, at: 1, 7,
                    "expected a value, then '}' to close the object opened at 1:1")
        expectError("{\"a\"", .unexpectedEndOfFile, at: 1, 5, "expected ':' after the key")
        expectError("{", .unexpectedEndOfFile, at: 1, 2, "expected a key, then '}'")
        expectError("[1,\n", .unexpectedEndOfFile, at: 2, 1, "expected a value, then ']'")
        expectError("{\"a\": {\"b\": 1}\n", .unexpectedEndOfFile, at: 2, 1, "expected '}' to close the object opened at 1:1")
    }

    @Test func unexpectedCharacter() {
        expectError("{\"a\": @}", .unexpectedCharacter, at: 1, 7, "unexpected character '@'; expected a value")
        expectError("[1 2]", .unexpectedCharacter, at: 1, 4, "expected ',' or ']'")
        expectError("{\"a\": 1 \"b\": 2}", .unexpectedCharacter, at: 1, 9, "expected ',' or '}'")
        expectError("[\u{0}]", .unexpectedCharacter, at: 1, 2, "U+0000")
        expectError("{1: 2}", .unexpectedCharacter, at: 1, 2, "'1'; expected a key")
        expectError("{\"a\" 1}", .unexpectedCharacter, at: 1, 6, "expected ':' after the key \"a\"")
        expectError("[é]", .unexpectedCharacter, at: 1, 2, "'é' (U+00E9)")
        expectError("[\u{202E}]", .unexpectedCharacter, at: 1, 2, "character U+202E;")
        expectError("]", .unexpectedCharacter, at: 1, 1, "']'")
        expectError("[1, /x]", .unexpectedCharacter, at: 1, 5, "'/'")
        expectError("{\"a\":1,,}", .unexpectedCharacter, at: 1, 8, "','; expected a key")
        expectError("[,]", .unexpectedCharacter, at: 1, 2, "','; expected a value")
        expectError("[\u{FEFF}]", .unexpectedCharacter, at: 1, 2, "U+FEFF")  // a BOM is skipped at the start only
    }

    @Test func unexpectedWords() {
        expectError("[True]", .unexpectedCharacter, at: 1, 2, "unexpected word 'True'; JSON literals are lowercase: true")
        expectError("{\"a\": NULL}", .unexpectedCharacter, at: 1, 7, "lowercase: null")
        expectError("[truex]", .unexpectedCharacter, at: 1, 2, "unexpected word 'truex'")
        expectError("{\"a\": hello}", .unexpectedCharacter, at: 1, 7, "strings need quotes")
    }

    @Test func emptyFile() {
        expectError("", .emptyFile, at: 1, 1, "empty")
        expectError(bytes: [0xEF, 0xBB, 0xBF], .emptyFile, at: 1, 1, "empty")
        let result = readJSON("  \n // only a comment\n\t")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.id) == [.emptyFile, .comment])
        #expect(result.diagnostics.first?.location == loc(1, 1))
        #expect(result.diagnostics.first?.message.contains("only whitespace or comments") == true)
    }

    @Test func nestingUpTo512LevelsIsAccepted() throws {
        let root = try #require(expectValue(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)))
        var depth = 0
        var node: JSONNode? = root
        while let n = node { depth += 1; node = n.array?.first }
        #expect(depth == 512)
        _ = expectValue(String(repeating: "{\"a\":", count: 511) + "[]" + String(repeating: "}", count: 511))
    }

    @Test func nestingDeeperThan512IsAnError() {
        expectError(String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
                    .nestingTooDeep, at: 1, 513, "deeper than 512")
        expectError(String(repeating: "[", count: 10_000), .nestingTooDeep, at: 1, 513)
        expectError(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                    .nestingTooDeep, at: 1, 513)
        expectError(String(repeating: "{\"a\":", count: 10_000), .nestingTooDeep, at: 1, 512 * 5 + 1)
        expectError(String(repeating: "{\"a\":[", count: 10_000), .nestingTooDeep, at: 1, 256 * 6 + 1)
        expectError(String(repeating: "[\n", count: 10_000), .nestingTooDeep, at: 513, 1)
    }

    @Test func unterminatedString() {
        expectError("{\"a\": \"abc", .unterminatedString, at: 1, 7, "no closing '\"'")
        expectError("['abc", .unterminatedString, at: 1, 2, "no closing \"'\"")
        expectError("[\"ab\\", .unterminatedString, at: 1, 2)
        expectError("[\"\\u12", .unterminatedString, at: 1, 2)
        expectError("[\"\\uD83D\\u", .unterminatedString, at: 1, 2)
        expectError("{\n \"", .unterminatedString, at: 2, 2)
        // Warnings collected before the error stay.
        let result = readJSON("[\"a\nb")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.id) == [.unterminatedString, .rawControlCharacter])
    }

    @Test func invalidEscape() {
        expectError(#"["a\x"]"#, .invalidEscape, at: 1, 4, #"invalid escape '\x' in a string"#)
        expectError(#"["\u12G4"]"#, .invalidEscape, at: 1, 3, "four hex digits")
        expectError(#"["\ud800"]"#, .invalidEscape, at: 1, 3, "high surrogate")
        expectError(#"["\ud800\u0041"]"#, .invalidEscape, at: 1, 3, "high surrogate")
        expectError(#"["\ud800\ud800"]"#, .invalidEscape, at: 1, 3, "high surrogate")
        expectError(#"["\udc00"]"#, .invalidEscape, at: 1, 3, "low surrogate")
        expectError(#"["ok", "\'"]"#, .invalidEscape, at: 1, 9, #"invalid escape '\'' in a string (\' is allowed in single-quoted strings only)"#)
        expectError("[\"é\\\u{1}\"]", .invalidEscape, at: 1, 4, "invalid escape '\\' followed by U+0001")
    }

    @Test(arguments: [
        ("[01]", 3, "leading zero"),
        ("[-012]", 4, "leading zero"),
        ("[1.]", 4, "after '.'"),
        ("[1.e5]", 4, "after '.'"),
        ("[.5]", 2, "before '.'"),
        ("[+1]", 2, "'+'"),
        ("[1e]", 4, "exponent"),
        ("[1e+]", 5, "exponent"),
        ("[-]", 3, "after '-'"),
        ("[--1]", 3, "expected a digit"),
        ("[0x1F]", 3, "unexpected 'x'"),
        ("[1a]", 3, "unexpected 'a'"),
        ("[1.5.2]", 5, "unexpected '.'"),
        ("[1-2]", 3, "unexpected '-'"),
        ("[NaN]", 2, "NaN and Infinity"),
        ("[Infinity]", 2, "NaN and Infinity"),
        ("[-Infinity]", 3, "NaN and Infinity"),
        ("-", 2, "after '-'"),
        ("{\"a\": 1.}", 9, "after '.'"),
    ])
    func invalidNumber(input: String, column: Int, fragment: String) {
        expectError(input, .invalidNumber, at: 1, column, fragment)
    }

    @Test func invalidNumberNamesTheToken() {
        expectError("[0x1F]", .invalidNumber, at: 1, 3, "invalid number '0x1F'")
    }

    @Test func trailingContent() {
        expectError("{} x", .trailingContent, at: 1, 4, "after the top-level value")
        expectError("[1] [2]", .trailingContent, at: 1, 5)
        expectError("{}//c\n}", .trailingContent, at: 2, 1, "unexpected '}'")
        expectError("1 2", .trailingContent, at: 1, 3)
    }

    @Test func unterminatedComment() {
        expectError("{\"a\": 1 /* x\n y", .unterminatedComment, at: 1, 9, "no closing '*/'")
        expectError("/*/", .unterminatedComment, at: 1, 1)
    }

    @Test func firstErrorStopsReadingButEarlierWarningsStay() {
        let result = readJSON("// c\n[1,] @ @ @")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.id) == [.comment, .trailingComma, .trailingContent])
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning, .error])
    }

    @Test func diagnosticsNameTheFile() {
        let result = LenientJSONReader.read("[1,", file: "dir/x.kmd.json")
        #expect(result.diagnostics.first?.description.hasPrefix("dir/x.kmd.json:1:4: error: unexpected end of file") == true)
    }

    // MARK: Robustness

    /// Every read of arbitrary input ends with a root and no reading error, or with no root and exactly one
    /// (not counting duplicate keys); locations are sane.
    func checkInvariants(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let result = LenientJSONReader.read(bytes, file: "f")
        let stopping = result.diagnostics.filter { $0.severity == .error && $0.id != .duplicateKey }
        #expect(stopping.count == (result.root == nil ? 1 : 0), "\(result.diagnostics)", sourceLocation: sourceLocation)
        for d in result.diagnostics {
            let ok = d.location.map { $0.line >= 1 && $0.column >= 1 } ?? false
            #expect(ok, "\(d)", sourceLocation: sourceLocation)
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...120, using: &rng)
            checkInvariants((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    @Test func randomJSONishTextNeverCrashes() {
        let alphabet = Array("{}[]{}[],,::\"\"\"''\\\\//**#\n\t -+.0123456789eEtrufalsn=>;xé😀".unicodeScalars)
        var rng = SeededGenerator(seed: 0x5EED_0002)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...80, using: &rng)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(alphabet.randomElement(using: &rng)!) }
            checkInvariants(Array(String(text).utf8))
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func mutatedRealFileNeverCrashes() throws {
        let original = try #require(Corpus.bytes("elements/elements.WebRtcEndpoint.kmd.json"))
        var rng = SeededGenerator(seed: 0x5EED_0003)
        let replacements = Array("{}[],:\"'\\/*#\n0-e.".utf8) + [0x00, 0x80, 0xC3, 0xFF]
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = replacements.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                default: bytes.insert(replacements.randomElement(using: &rng)!, at: i)
                }
            }
            checkInvariants(bytes)
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func truncatedRealFileAlwaysFails() throws {
        let bytes = try #require(Corpus.bytes("core/core.kmd.json"))
        for k in 0..<50 {
            let cut = k * bytes.count / 50 + k  // spread over the file, never the whole of it
            let result = LenientJSONReader.read(Array(bytes[..<min(cut, bytes.count - 1)]), file: "core.kmd.json")
            #expect(result.root == nil, "cut at \(cut)")
            #expect(result.diagnostics.filter { $0.severity == .error }.count == 1, "cut at \(cut): \(result.diagnostics)")
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func everyPrefixOfASmallFileFails() throws {
        let bytes = try #require(Corpus.bytes("creator-tests/namespaces/moduleB.kmd.json"))
        let end = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        for cut in 0...end {
            let result = LenientJSONReader.read(Array(bytes[..<cut]), file: "moduleB.kmd.json")
            #expect(result.root == nil, "cut at \(cut)")
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 1, "cut at \(cut): \(result.diagnostics)")
            #expect(errors.allSatisfy { [.unexpectedEndOfFile, .unterminatedString, .emptyFile].contains($0.id) },
                    "cut at \(cut): \(errors)")
        }
    }

    // MARK: The real corpus

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func everyCorpusFileReadsWithoutErrors() throws {
        let files = Corpus.kmdFiles
        #expect(files.count >= 38)
        for url in files {
            let bytes = try #require(Corpus.bytes(Corpus.relativePath(url)))
            let result = LenientJSONReader.read(bytes, file: Corpus.relativePath(url))
            #expect(result.root != nil, "\(Corpus.relativePath(url))")
            #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty,
                    "\(Corpus.relativePath(url)): \(result.diagnostics)")
            #expect(result.root?.members != nil, "\(Corpus.relativePath(url)) is not an object")
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func moduleBTrailingCommaIsOneWarningAndNoNull() throws {
        let bytes = try #require(Corpus.bytes("creator-tests/namespaces/moduleB.kmd.json"))
        let result = LenientJSONReader.read(bytes, file: "moduleB.kmd.json")
        #expect(result.diagnostics.map(\.id) == [.trailingComma])
        #expect(result.diagnostics.first?.location?.line == 32)
        #expect(result.diagnostics.first?.location?.column == 14)
        let params = try #require(result.root?["remoteClasses"]?.array?.first?["methods"]?.array?.first?["params"]?.array)
        #expect(params.count == 3)
        #expect(!params.contains { $0.isNull })
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func webRtcEndpointCommentsAreWarnings() throws {
        let bytes = try #require(Corpus.bytes("elements/elements.WebRtcEndpoint.kmd.json"))
        let result = LenientJSONReader.read(bytes, file: "WebRtcEndpoint.kmd.json")
        let comments = result.diagnostics.filter { $0.id == .comment }
        #expect(comments.count == 1)
        #expect(comments.first?.location?.line == 866)
        #expect(comments.first?.location?.column == 37)
        #expect(comments.first?.message.hasPrefix("'//' comment") == true)
        let dscp = try #require(result.root?["complexTypes"]?.array?.first { $0["name"]?.string == "DSCPValue" })
        let values = (dscp["values"]?.array ?? []).compactMap { $0.string }
        #expect(values.count == 43)  // one per commented line
        #expect(values.first == "NO_DSCP")
        #expect(values.allSatisfy { !$0.contains("/") && !$0.contains(" ") })
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func coreRawNewlinesAreOneWarning() throws {
        let bytes = try #require(Corpus.bytes("core/core.kmd.json"))
        let result = LenientJSONReader.read(bytes, file: "core.kmd.json")
        #expect(result.diagnostics.map(\.id) == [.rawControlCharacter])
        #expect(result.diagnostics.first?.message.contains("more in this file") == true)
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func corpusRoundTripsThroughTheWriter() throws {
        for url in Corpus.kmdFiles {
            let name = Corpus.relativePath(url)
            let bytes = try #require(Corpus.bytes(name))
            let first = try #require(LenientJSONReader.read(bytes, file: name).root, "\(name)")
            for text in [JSONWriter.write(first, sortKeys: false), JSONWriter.writeCompact(first, sortKeys: false)] {
                let again = LenientJSONReader.read(text, file: name)
                // The writer's output is strict JSON: no lenient construct left to warn about.
                #expect(again.diagnostics.isEmpty, "\(name): \(again.diagnostics)")
                let second = try #require(again.root, "\(name)")
                #expect(PlainJSON(second) == PlainJSON(first), "\(name)")
            }
        }
    }
}
