import Foundation
import Testing
@testable import KurentoIDL

/// `kidlc diff` as users run it: reports on standard output, exit status by --fail-on, input errors 1, usage 2.
@Suite(.enabled(if: KidlcBinary.url != nil, KidlcBinary.missingMessage))
struct DiffCLITests {
    /// Copies fixture cases into a fresh folder (the runner writes its capture files into the working folder).
    static func withCases(_ names: [String], _ body: (URL) throws -> Void) throws {
        let folder = try ScratchModules.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in names {
            try FileManager.default.copyItem(at: DiffTests.fixtures.appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        try body(folder)
    }

    /// `kidlc diff <case>/old <case>/new -I idl/…` in the folder, plus `extra` arguments.
    static func diff(_ name: String, _ extra: [String] = [], in folder: URL) throws -> CLITests.Outcome {
        try CLITests.kidlc(["diff", "old", "new"] + CLITests.importOptions + extra, in: folder.appendingPathComponent(name))
    }

    @Test func textReportIsTheExpectedOneAndExitsZeroByDefault() throws {
        try Self.withCases(["method-removed", "no-changes"]) { folder in
            let outcome = try Self.diff("method-removed", in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let expected = try String(contentsOf: folder.appendingPathComponent("method-removed/expected.txt"), encoding: .utf8)
            #expect(outcome.stdout == expected)
            #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
            let none = try Self.diff("no-changes", in: folder)
            #expect(none.status == 0)
            #expect(none.stdout == "kidlc: diff fx 1.0.0 → 1.0.0: no API changes\n")
        }
    }

    @Test func failOnLevels() throws {
        try Self.withCases(["method-removed", "method-added", "type-added", "no-changes"]) { folder in
            let table: [(String, String, Int32)] = [
                ("method-removed", "none", 0), ("method-removed", "breaking", 1), ("method-removed", "implementer", 1),
                ("method-removed", "any", 1),
                ("method-added", "breaking", 0), ("method-added", "implementer", 1), ("method-added", "any", 1),
                ("type-added", "breaking", 0), ("type-added", "implementer", 0), ("type-added", "any", 1),
                ("no-changes", "any", 0),
            ]
            for (name, level, status) in table {
                let outcome = try Self.diff(name, ["--fail-on", level], in: folder)
                #expect(outcome.status == status, "\(name) --fail-on \(level): \(outcome.status)\n\(outcome.stderr)")
                #expect(!outcome.stdout.isEmpty, "the report is printed whatever the status")
            }
        }
    }

    @Test func markdownAndJSONFormats() throws {
        try Self.withCases(["param-type-changed"]) { folder in
            let markdown = try Self.diff("param-type-changed", ["--format", "markdown"], in: folder)
            #expect(markdown.status == 0)
            #expect(markdown.stdout.hasPrefix("### API changes: `fx` 1.0.0 → 2.0.0\n"))
            #expect(markdown.stdout.contains("| breaking | param 'passes' of method 'Blur.apply' is int64 instead of int | clients, implementers | `new/fx.kmd.json:44:23` | KIDL733 |"))
            let json = try Self.diff("param-type-changed", ["--format", "json"], in: folder)
            #expect(json.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let changes = try #require(object["changes"] as? [[String: Any]])
            #expect(changes.count == 1)
            #expect(changes.first?["id"] as? String == "KIDL733")
            #expect(changes.first?["breaksClients"] as? Bool == true)
            #expect(changes.first?["line"] as? Int == 44)
        }
    }

    @Test func importPathsPerSide() throws {
        try Self.withCases(["method-removed"]) { folder in
            let paths = ScratchModules.kurentoSearchPaths
            let args = ["diff", "old", "new"] + paths.flatMap { ["--old-import-path", $0] } + paths.flatMap { ["--new-import-path", $0] }
            let outcome = try CLITests.kidlc(args, in: folder.appendingPathComponent("method-removed"))
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("[KIDL721]"))
            // Without imports, neither side resolves its Kurento types: an input error.
            let missing = try CLITests.kidlc(["diff", "old", "new"], in: folder.appendingPathComponent("method-removed"))
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("[KIDL306]"), "\(missing.stderr)")
            #expect(missing.stderr.contains("kidlc: diff: OLD (old) has errors"))
            #expect(missing.stdout.isEmpty)
        }
    }

    @Test func inputErrorsExitOneAndUsageErrorsTwo() throws {
        try CLITests.withFolder([.text("old/m.kmd.json", CLITests.cleanModule), .text("new/m.kmd.json", CLITests.badModule)]) { folder in
            let bad = try CLITests.kidlc(["diff", "old", "new"] + CLITests.importOptions, in: folder)
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("new/m.kmd.json:"), "\(bad.stderr)")
            #expect(bad.stderr.contains("kidlc: diff: NEW (new) has errors"))
            let absent = try CLITests.kidlc(["diff", "old", "nowhere"] + CLITests.importOptions, in: folder)
            #expect(absent.status == 1)
            #expect(absent.stderr.contains("[KIDL501]"), "\(absent.stderr)")
            for args in [["diff", "old"], ["diff", "old", "old", "--format", "yaml"], ["diff", "old", "old", "--fail-on", "sometimes"]] {
                let usage = try CLITests.kidlc(args, in: folder)
                #expect(usage.status == 2, "\(args): \(usage.status) \(usage.stderr)")
            }
        }
    }
}
