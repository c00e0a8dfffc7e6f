import Foundation
import Testing
@testable import KurentoIDL

/// Bad input for the reader (KIDL100–KIDL126): errors that stop reading a file, and the lenient constructs
/// Kurento's own reader accepts, each reported once per file at its first occurrence.
@Suite struct BadInputReaderTests {
    static let cases: [BadInputCase] = [
        // MARK: Errors

        BadInputCase("invalid UTF-8", files: [
            .bytes("m.kmd.json", Array("{\n  \"name\": \"m".utf8) + [0xFF] + Array("\"\n}\n".utf8)),
        ], expect: [
            .error(.invalidUTF8, "m.kmd.json", 2, 13),
        ]),

        BadInputCase("truncated file", #"""
            {
              "name": "m",
              "version": "1.0.0"
            """#, expect: [
            .error(.unexpectedEndOfFile, "m.kmd.json", 3, 21),
        ], check: { run in
            let d = try run.only(.unexpectedEndOfFile)
            #expect(d.notes.map { run.place($0.location) } == ["m.kmd.json:1:1"], "the note points at the open '{'")
        }),

        BadInputCase("unexpected character", #"""
            {
              "name": "m",
              "version": @
            }
            """#, expect: [
            .error(.unexpectedCharacter, "m.kmd.json", 3, 14),
        ]),

        BadInputCase("empty file", files: [.text("m.kmd.json", "")], expect: [
            .error(.emptyFile, "m.kmd.json", 1, 1),
        ]),

        BadInputCase("file holding only a comment", files: [.text("m.kmd.json", "\n  // nothing here\n")], expect: [
            .error(.emptyFile, "m.kmd.json", 1, 1),
            .warning(.comment, "m.kmd.json", 2, 3),
        ]),

        BadInputCase("10,000-deep nesting", files: [
            .text("m.kmd.json", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        ], expect: [
            // The 513th bracket is one level too many.
            .error(.nestingTooDeep, "m.kmd.json", 1, 513),
        ]),

        BadInputCase("unterminated string", #"""
            {
              "name": "mod
            """#, expect: [
            .error(.unterminatedString, "m.kmd.json", 2, 11),
        ]),

        BadInputCase("unterminated comment", #"""
            {
              "name": "m" /* no end
            }
            """#, expect: [
            // Only the error: an unterminated comment was not "accepted", so no KIDL121 warning.
            .error(.unterminatedComment, "m.kmd.json", 2, 15),
        ]),

        BadInputCase("bad escape", #"""
            {
              "name": "m",
              "repository": "C:\path"
            }
            """#, expect: [
            .error(.invalidEscape, "m.kmd.json", 3, 20),
        ]),

        BadInputCase("bad number", #"""
            {
              "name": "m",
              "version": 0x1F
            }
            """#, expect: [
            // At the character that makes it invalid, as for version ranges.
            .error(.invalidNumber, "m.kmd.json", 3, 15),
        ]),

        BadInputCase("trailing content", #"""
            {
              "name": "m"
            }
            }
            """#, expect: [
            .error(.trailingContent, "m.kmd.json", 4, 1),
        ]),

        BadInputCase("unreadable file (a folder named *.kmd.json)", files: [
            .directory("broken.kmd.json"),
        ], expect: [
            .error(.unreadableFile, "broken.kmd.json", 1, 1),
        ]),

        // MARK: Lenient constructs: accepted with one warning per kind and file

        BadInputCase("raw control characters in a string", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "repository": "first line
            second line	and a tab"
            }
            """#, expect: [
            .warning(.rawControlCharacter, "m.kmd.json", 5, 28),
        ], check: { run in
            let d = try run.only(.rawControlCharacter)
            #expect(d.message.contains("1 more in this file"))
            #expect(run.result.schema?.modules["m"]?.repository == "first line\nsecond line\tand a tab")
        }),

        BadInputCase("comments of all three kinds", #"""
            // leading comment
            {
              "name": "m", # hash comment
              "version": "1.0.0", /* block
                comment */
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .warning(.comment, "m.kmd.json", 1, 1),
        ], check: { run in
            let d = try run.only(.comment)
            #expect(d.message.contains("2 more in this file"))
        }),

        BadInputCase("trailing commas", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Color", "typeFormat": "ENUM", "values": ["RED", "GREEN",] },
              ],
            }
            """#, expect: [
            .warning(.trailingComma, "m.kmd.json", 6, 71),
        ], check: { run in
            // No null element is added: the enum has exactly its two values.
            let color = try #require(run.result.schema?.modules["m"]?.complexTypes.first)
            #expect(color.values.map(\.value) == ["RED", "GREEN"])
        }),

        BadInputCase("unquoted key", #"""
            {
              name: "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .warning(.unquotedKey, "m.kmd.json", 2, 3),
        ]),

        BadInputCase("single quotes", #"""
            {
              "name": 'm',
              "version": "1.0.0",
              'kurentoVersion': "^1.0.0"
            }
            """#, expect: [
            .warning(.singleQuotedString, "m.kmd.json", 2, 11),
        ]),

        BadInputCase("'=', '=>' and ';' separators", #"""
            {
              "name" = "m";
              "version" => "1.0.0";
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .warning(.nonStandardSeparator, "m.kmd.json", 2, 10),
        ], check: { run in
            let d = try run.only(.nonStandardSeparator)
            #expect(d.message.contains("3 more in this file"))
        }),

        BadInputCase("duplicate key", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .error(.duplicateKey, "m.kmd.json", 4, 3),
        ], check: { run in
            let d = try run.only(.duplicateKey)
            #expect(d.notes.map { run.place($0.location) } == ["m.kmd.json:3:3"])
        }),
    ]

    @Test(arguments: cases) func reader(_ c: BadInputCase) throws {
        try ScratchModules.verify(c)
    }
}
