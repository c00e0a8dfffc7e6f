import Foundation
import Testing

/// `kidlc generate` as users run it: exit status, summary line, configuration file, and an output folder
/// that stays as it was whenever something fails before writing.
@Suite(.enabled(if: KidlcBinary.url != nil, KidlcBinary.missingMessage))
struct GenerateCLITests {
    static let module = [ScratchFile.text("m/m.kmd.json", CLITests.cleanModule)]

    static func generate(_ arguments: [String], in folder: URL) throws -> CLITests.Outcome {
        try CLITests.kidlc(["generate"] + arguments + CLITests.importOptions, in: folder)
    }

    static func exists(_ path: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test func writesOnceThenReportsEverythingUnchanged() throws {
        try CLITests.withFolder(Self.module) { folder in
            let first = try Self.generate(["m", "--target", "swift-server", "--output", "out"], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            let summary = try #require(first.stderrLines.last)
            #expect(summary.wholeMatch(of: /kidlc: generated (\d+) files into out \(\1 written\)/) != nil, "\(summary)")
            #expect(Self.exists("out/.kidlc-manifest", in: folder))

            let second = try Self.generate(["m", "--target", "swift-server", "--output", "out"], in: folder)
            #expect(second.status == 0, "\(second.stderr)")
            let again = try #require(second.stderrLines.last)
            #expect(again.wholeMatch(of: /kidlc: generated (\d+) files into out \(0 written, \1 unchanged\)/) != nil, "\(again)")
        }
    }

    @Test func dryRunAndListWriteNothing() throws {
        try CLITests.withFolder(Self.module) { folder in
            for flag in ["--dry-run", "--list"] {
                let outcome = try Self.generate(["m", "--target", "swift-server", "--output", "out", flag], in: folder)
                #expect(outcome.status == 0, "\(outcome.stderr)")
                let lines = outcome.stdout.split(separator: "\n")
                #expect(!lines.isEmpty)
                #expect(lines.allSatisfy { $0.hasPrefix("new        ") }, "\(outcome.stdout)")
                #expect(!Self.exists("out", in: folder))
            }
        }
    }

    @Test func inputErrorsLeaveTheOutputFolderAlone() throws {
        try CLITests.withFolder([.text("bad/m.kmd.json", CLITests.badModule)]) { folder in
            let outcome = try Self.generate(["bad", "--target", "swift-server", "--output", "out"], in: folder)
            #expect(outcome.status == 1, "\(outcome.stderr)")
            #expect(outcome.stderrLines.last == "kidlc: module m: 1 error, 1 warning")
            #expect(!Self.exists("out", in: folder))
        }
    }

    @Test func aTemplateErrorLeavesTheOutputFolderAlone() throws {
        // Every built-in template overridden by one that does not parse.
        let builtIn = ScratchModules.packageRoot.appendingPathComponent("Templates/swift-server").path
        let names = try FileManager.default.contentsOfDirectory(atPath: builtIn).filter { $0.hasSuffix(".mustache") }
        let broken = names.map { ScratchFile.text("templates/swift-server/\($0)", "{{#unclosed}}\n") }
        try CLITests.withFolder(Self.module + broken) { folder in
            let arguments = ["m", "--target", "swift-server", "--output", "out"]
            #expect(try Self.generate(arguments, in: folder).status == 0)
            let manifest = try String(contentsOf: folder.appendingPathComponent("out/.kidlc-manifest"), encoding: .utf8)
            let outcome = try Self.generate(arguments + ["--templates", "templates", "--clean"], in: folder)
            #expect(outcome.status == 1, "\(outcome.stderr)")
            let error = try #require(outcome.stderrLines.last)
            #expect(error.wholeMatch(of: /.*templates\/swift-server\/\w+\.mustache:\d+:\d+: error: .+/) != nil, "\(error)")
            #expect(try String(contentsOf: folder.appendingPathComponent("out/.kidlc-manifest"), encoding: .utf8) == manifest)
        }
    }

    @Test func readsKidlcYamlAndFlagsWin() throws {
        let config = ScratchFile.text("kidlc.yaml", "inputs: [m]\ntargets: [swift-server]\noutput: out\n")
        try CLITests.withFolder(Self.module + [config]) { folder in
            let outcome = try Self.generate(["--output", "elsewhere", "--verbose"], in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderrLines.first == "kidlc: generate with configuration file kidlc.yaml:")
            #expect(outcome.stderrLines.contains { $0.wholeMatch(of: /\s+output +elsewhere +\(flag\)/) != nil },
                    "\(outcome.stderr)")
            #expect(outcome.stderrLines.contains { $0.wholeMatch(of: /\s+inputs +m +\(kidlc\.yaml\)/) != nil },
                    "\(outcome.stderr)")
            #expect(Self.exists("elsewhere/.kidlc-manifest", in: folder))
            #expect(!Self.exists("out", in: folder))
        }
    }

    @Test func configurationProblemsExitTwoWithTheirPlace() throws {
        let config = ScratchFile.text("conf/gen.yaml", "inputs: [m]\nouput: out\n")
        try CLITests.withFolder(Self.module + [config]) { folder in
            let outcome = try Self.generate(["--config", "conf/gen.yaml", "--target", "swift-server"], in: folder)
            #expect(outcome.status == 2, "\(outcome.stderr)")
            #expect(outcome.stderrLines == ["conf/gen.yaml:2:1: error: unknown key 'ouput'; did you mean 'output'?"])
        }
    }

    @Test func usageProblemsExitTwo() throws {
        try CLITests.withFolder(Self.module) { folder in
            let noTarget = try Self.generate(["m", "--output", "out"], in: folder)
            #expect(noTarget.status == 2, "\(noTarget.stderr)")
            #expect(noTarget.stderr.contains("no target"), "\(noTarget.stderr)")

            let badTarget = try Self.generate(["m", "--output", "out", "--target", "swift-sever"], in: folder)
            #expect(badTarget.status == 2, "\(badTarget.stderr)")
            #expect(badTarget.stderr.contains("did you mean 'swift-server'?"), "\(badTarget.stderr)")
            #expect(!Self.exists("out", in: folder))
        }
    }
}
