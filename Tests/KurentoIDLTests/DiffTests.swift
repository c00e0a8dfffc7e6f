import Foundation
import Testing
@testable import KurentoIDL

/// `kidlc diff`: one before/after pair per rule under Fixtures/diff/<case>/{old,new}, each with the exact text
/// report in `expected.txt` (paths relative to the case folder, imports from idl/). `RECORD=1` rewrites the
/// expected reports; review the diff before committing.
@Suite struct DiffTests {
    static let fixtures = Corpus.packageRoot.appendingPathComponent("Tests/KurentoIDLTests/Fixtures/diff")
    static let platform = ["idl/core", "idl/elements", "idl/filters"].map { Corpus.packageRoot.appendingPathComponent($0).path }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Loads one side of a case, shown relative to the case folder; errors fail the test.
    static func schema(_ folder: URL, _ side: String) throws -> Schema {
        let result = Frontend(inputs: [folder.appendingPathComponent(side).path], searchPaths: platform,
                              baseDirectory: folder.path).run()
        #expect(!result.hasErrors, "\(folder.lastPathComponent)/\(side): \(result.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
        return try #require(result.schema)
    }

    static func report(_ name: String, format: APIDiffReport.Format = .text) throws -> String {
        let folder = fixtures.appendingPathComponent(name)
        return APIDiffReport.render(APIDiff.compare(old: try schema(folder, "old"), new: try schema(folder, "new")), as: format)
    }

    @Test(arguments: cases)
    func caseReportsExactlyItsChange(_ name: String) throws {
        let actual = try Self.report(name)
        let expectedURL = Self.fixtures.appendingPathComponent(name).appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["RECORD"] == "1" {
            try Data(actual.utf8).write(to: expectedURL)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name):\n--- expected\n\(expected)--- actual\n\(actual)")
    }

    @Test func everyKindOfChangeHasACase() throws {
        var seen = Set<String>()
        for name in Self.cases {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name).appendingPathComponent("expected.txt"),
                                  encoding: .utf8)
            for id in DiagnosticID.allCases where id.isAPIChange && text.contains("[\(id.rawValue)]") { seen.insert(id.rawValue) }
        }
        let missing = DiagnosticID.allCases.filter { $0.isAPIChange && !seen.contains($0.rawValue) }.map(\.rawValue)
        #expect(missing.isEmpty, "kinds of change without a fixture: \(missing)")
        #expect(Self.cases.count >= 50)
    }

    @Test func classificationOfSomeRules() throws {
        // The heart of the rule table: whom each change breaks.
        let expectations: [(String, DiagnosticID, clients: Bool, implementers: Bool)] = [
            ("method-removed", .methodRemoved, true, false),
            ("method-added", .methodAdded, false, true),
            ("optional-param-added", .optionalParamAdded, false, true),
            ("required-param-added", .requiredParamAdded, true, true),
            ("param-became-optional-with-default", .paramBecameOptional, false, false),
            ("enum-value-added", .enumValueAdded, false, true),
            ("type-added", .typeAdded, false, false),
            ("class-extends-inserted-parent", .classExtendsChanged, false, true),
        ]
        for (name, id, clients, implementers) in expectations {
            let folder = Self.fixtures.appendingPathComponent(name)
            let result = APIDiff.compare(old: try Self.schema(folder, "old"), new: try Self.schema(folder, "new"))
            let change = try #require(result.changes.first { $0.id == id }, "\(name)")
            #expect(change.breaksClients == clients && change.breaksImplementers == implementers, "\(name): \(change)")
        }
    }

    @Test func markdownAndJSONReports() throws {
        #expect(try Self.report("method-removed", format: .markdown) == """
            ### API changes: `fx` 1.0.0 → 2.0.0

            1 change: 1 breaking (1 for clients, 0 for implementers), 0 compatible.

            | | Change | Breaks | Where | Id |
            |---|---|---|---|---|
            | breaking | method 'Blur.reset' with 0 params was removed | clients | `old/fx.kmd.json:54:19` | KIDL721 |

            """)
        #expect(try Self.report("no-changes", format: .markdown) == "### API changes: `fx` 1.0.0 → 1.0.0\n\nNo API changes.\n")
        #expect(try Self.report("type-added", format: .json) == """
            {
              "changes": [
                {
                  "breaksClients": false,
                  "breaksImplementers": false,
                  "classification": "compatible",
                  "column": 15,
                  "file": "new/fx.kmd.json",
                  "id": "KIDL750",
                  "kind": "typeAdded",
                  "line": 89,
                  "message": "enum 'Kernel' was added"
                }
              ],
              "modules": [
                {
                  "name": "fx",
                  "new": "1.1.0",
                  "old": "1.0.0"
                }
              ],
              "summary": {
                "breaking": 0,
                "breaksClients": 0,
                "breaksImplementers": 0,
                "compatible": 1,
                "total": 1
              }
            }

            """)
    }

    @Test(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func corpusAgainstItselfReportsNothing() throws {
        let root = try #require(Corpus.root)
        let core = root.appendingPathComponent("core").path
        let schema = try #require(Frontend(inputs: [core]).run().schema)
        let again = try #require(Frontend(inputs: [core]).run().schema)
        #expect(APIDiff.compare(old: schema, new: again).changes.isEmpty)
        // Every module of the corpus, too.
        let all = CorpusTests.table.map { root.appendingPathComponent($0.folder).path }
        let whole = try #require(Frontend(inputs: all).run().schema)
        #expect(APIDiff.compare(old: whole, new: whole).changes.isEmpty)
    }

    @Test(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func olderCoreAgainstCurrentCore() throws {
        // The creator's test copy of core is an older core: what changed since is additions for implementers.
        let older = try #require(Corpus.url("creator-tests/core.kmd.json"))
        let current = try #require(Corpus.url("core"))
        let result = APIDiff.compare(old: try #require(Frontend(inputs: [older.path]).run().schema),
                                     new: try #require(Frontend(inputs: [current.path]).run().schema))
        #expect(result.changes.map(\.id).sorted() == [.methodAdded, .methodAdded, .methodAdded,
                                                      .enumValueAdded, .enumValueAdded, .enumValueAdded, .enumValueAdded])
        #expect(!result.breaksClients)
    }
}
