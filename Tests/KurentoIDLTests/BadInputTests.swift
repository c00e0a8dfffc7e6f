import Foundation
import Testing
@testable import KurentoIDL

/// What the bad-input tables add up to, names that look hostile but are fine, and garbage that must not crash.
@Suite struct BadInputTests {
    static var allCases: [BadInputCase] {
        BadInputReaderTests.cases + BadInputDecoderTests.cases + BadInputAssemblyTests.cases
            + BadInputValidationTests.cases
    }

    /// Catalog ids no input can trigger, and why.
    static let notTriggerable: [DiagnosticID: String] = [
        .versionRangeNotConvertible:
            "kidl generates no Maven or npm files, so a range without a Maven/npm form is not reported (ImportResolver.convert)",
    ].merging(DiagnosticID.allCases.filter { $0.rawValue >= "KIDL600" }.map {
        ($0, "reported by `kidlc generate --target docs` (6xx, DocsTests) or `kidlc diff` (7xx, DiffTests), not by reading input")
    }, uniquingKeysWith: { first, _ in first })

    @Test func everyTriggerableIdIsCovered() {
        let covered = Set(Self.allCases.flatMap { $0.expected.map(\.id) })
        let missing = DiagnosticID.allCases.filter { !covered.contains($0) && Self.notTriggerable[$0] == nil }
        #expect(missing.isEmpty, "ids without a bad-input case: \(missing.map(\.rawValue))")
        let wronglyExcused = Self.notTriggerable.keys.filter(covered.contains)
        #expect(wronglyExcused.isEmpty, "ids listed as not triggerable but covered: \(wronglyExcused.map(\.rawValue))")
    }

    @Test func tablesAreLargeAndNamesUnique() {
        #expect(Self.allCases.count >= 45)
        let names = Self.allCases.map(\.name)
        #expect(Set(names).count == names.count, "case names must be unique")
    }

    // MARK: Hostile names that are fine

    static let hostileNames = BadInputCase("keywords and well-known type names as names", #"""
        {
          "name": "m",
          "version": "1.0.0",
          "kurentoVersion": "^1.0.0",
          "remoteClasses": [
            {
              "name": "class",
              "extends": "MediaObject",
              "constructor": { "params": [ { "name": "default", "type": "int" } ] },
              "properties": [ { "name": "self", "type": "Type" }, { "name": "protocol", "type": "Kind" } ],
              "methods": [
                { "name": "Protocol", "params": [ { "name": "in", "type": "boolean" } ], "return": { "type": "Type" } },
                { "name": "init", "params": [] },
                { "name": "return", "params": [ { "name": "where", "type": "String" } ] }
              ],
              "events": ["Protocol"]
            }
          ],
          "complexTypes": [
            {
              "name": "Type",
              "typeFormat": "REGISTER",
              "properties": [ { "name": "default", "type": "String" }, { "name": "switch", "type": "int" } ]
            },
            { "name": "Kind", "typeFormat": "ENUM", "values": ["class", "default", "self", "Type", "nil"] }
          ],
          "events": [
            { "name": "Protocol", "extends": "Media", "properties": [ { "name": "operator", "type": "String" } ] }
          ]
        }
        """#, expect: [], check: { run in
            let module = try #require(run.result.schema?.modules["m"])
            #expect(module.remoteClasses.map(\.name) == ["class"])
            #expect(module.complexTypes.map(\.name) == ["Type", "Kind"])
            #expect(module.events.map(\.name) == ["Protocol"])
            let method = try #require(module.remoteClasses.first?.methods.first)
            #expect(method.returnType?.base == .record(QualifiedName(module: "m", name: "Type")))
        })

    @Test func hostileNamesAreNotErrors() throws {
        try ScratchModules.verify(Self.hostileNames)
    }

    // MARK: Garbage

    /// A small deterministic generator (SplitMix64), so that a failure can be reproduced.
    struct Garbage {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        /// Random bytes, or a soup of JSON-ish tokens that gets further into the reader.
        mutating func file() -> [UInt8] {
            let length = below(400)
            if below(2) == 0 { return (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) } }
            let tokens = ["{", "}", "[", "]", ":", ",", ";", "=", "=>", "\"", "'", "\\", "\\u12", "/*", "*/", "//",
                          "#", "\n", "\r", "\t", " ", "-", "0", "1e", ".5", "true", "nul", "\"name\"", "\"m\"",
                          "\"remoteClasses\"", "\"extends\"", "\"type\"", "\"int[]\"", "é", "\u{0}", "\u{FEFF}"]
            var text = ""
            for _ in 0..<(length / 3) { text += tokens[below(tokens.count)] }
            return Array(text.utf8)
        }
    }

    @Test func garbageBytesDoNotCrash() throws {
        var garbage = Garbage(state: 0x6B69_646C)
        var files: [ScratchFile] = []
        for i in 0..<60 { files.append(.bytes("g\(i).kmd.json", garbage.file())) }
        try ScratchModules.run(BadInputCase("garbage", files: files, expect: [])) { run in
            #expect(run.result.hasErrors)
            // Every file that cannot be read is reported at a place in that file.
            for file in files {
                guard case .bytes(let bytes) = file.content,
                      LenientJSONReader.read(bytes, file: file.path).root == nil else { continue }
                #expect(run.relevant.contains { $0.location.flatMap { run.relative($0.file) } == file.path },
                        "no diagnostic for \(file.path)")
            }
        }
    }

    /// Every prefix of a well-formed module is read without crashing; all but the complete file fail to read.
    @Test func truncatedModulesDoNotCrash() throws {
        let url = ScratchModules.packageRoot.appendingPathComponent("idl/filters/filters.kmd.json")
        let bytes = try [UInt8](Data(contentsOf: url))
        let end = bytes.lastIndex { $0 == UInt8(ascii: "}") }! + 1
        for cut in stride(from: 0, to: end, by: 7) {
            let read = LenientJSONReader.read(Array(bytes[..<cut]), file: "t.kmd.json")
            #expect(read.root == nil, "a prefix of \(cut) bytes read as a complete document")
            #expect(read.diagnostics.contains { $0.severity == .error })
        }
    }
}
