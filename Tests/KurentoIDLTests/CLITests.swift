import Foundation
import KidlTestSupport
import Testing
@testable import KurentoIDL

/// The built `kidlc` binary, found next to the test bundle (the build's products folder).
enum KidlcBinary {
    static let url: URL? = {
        let fm = FileManager.default
        var folders: [URL] = []
        if let env = ProcessInfo.processInfo.environment["KIDLC"], !env.isEmpty {
            folders.append(URL(fileURLWithPath: env).deletingLastPathComponent())
        }
        // Linux: the test runner is `<products>/kidlPackageTests.xctest` itself; macOS: a bundle in <products>.
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        if let argument = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("kidlc")
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }()

    static var missingMessage: Comment {
        "kidlc is not built next to the test bundle (\(Bundle.main.bundleURL.path)); run `swift build --product kidlc` with the same scratch path first"
    }
}

/// `kidlc` as users run it: diagnostics on stderr in the form editors read, summary line, exit status.
extension ChildProcess.Outcome {
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

@Suite(.enabled(if: KidlcBinary.url != nil, KidlcBinary.missingMessage))
struct CLITests {
    typealias Outcome = ChildProcess.Outcome

    /// Runs kidlc in `folder` (its working directory) with `arguments`.
    static func kidlc(_ arguments: [String], in folder: URL) throws -> Outcome {
        let binary = try #require(KidlcBinary.url)
        return try ChildProcess.runWaiting(arguments, executable: binary, in: folder)
    }

    static var importOptions: [String] { ScratchModules.kurentoSearchPaths.flatMap { ["-I", $0] } }

    /// Writes `files` into a fresh folder, runs `body` with it, removes it.
    static func withFolder(_ files: [ScratchFile], _ body: (URL) throws -> Void) throws {
        let folder = try ScratchModules.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScratchModules.write(files, into: folder)
        try body(folder)
    }

    static let badModule = #"""
        {
          "name": "m",
          "version": "1.0.0",
          "kurentoVersion": "^1.0.0",
          "remoteClasses": [
            {
              "name": "Thing",
              "abstract": true,
              "colour": "red",
              "methods": [
                {
                  "name": "move",
                  "params": [
                    { "name": "x", "type": "int", "optional": true },
                    { "name": "y", "type": "int" }
                  ]
                }
              ]
            }
          ]
        }
        """#

    static let cleanModule = #"""
        {
          "name": "m",
          "version": "1.0.0",
          "kurentoVersion": "^1.0.0",
          "complexTypes": [
            { "name": "Color", "typeFormat": "ENUM", "values": ["RED", "GREEN"] }
          ]
        }
        """#

    static let warningOnlyModule = #"""
        {
          "name": "m",
          "version": "1.0.0",
          "kurentoVersion": "^1.0.0",
          "colour": "red"
        }
        """#

    /// `path:line:col: error|warning: message [KIDLnnn]`, or a note (which has no id).
    static func isDiagnosticLine(_ line: String) -> Bool {
        line.wholeMatch(of: /[^:\s][^:]*:\d+:\d+: (error|warning): .+ \[KIDL\d{3}\]/) != nil
    }

    static func isNoteLine(_ line: String) -> Bool {
        line.wholeMatch(of: /[^:\s][^:]*:\d+:\d+: note: .+/) != nil
    }

    @Test func badModuleReportsInEditorFormatAndExitsOne() throws {
        try Self.withFolder([.text("bad/m.kmd.json", Self.badModule)]) { folder in
            // The folder given relative, and absolute (still printed relative to the working directory).
            for input in ["bad", folder.resolvingSymlinksInPath().appendingPathComponent("bad").path] {
                let outcome = try Self.kidlc(["check", input] + Self.importOptions, in: folder)
                #expect(outcome.status == 1, "\(outcome.stderr)")
                let lines = outcome.stderrLines
                #expect(lines.count == 4, "\(outcome.stderr)")
                for line in lines.dropLast() {
                    #expect(Self.isDiagnosticLine(line) || Self.isNoteLine(line),
                            "not in path:line:col: severity: message [id] form: \(line)")
                }
                #expect(lines.first?.hasPrefix("bad/m.kmd.json:9:7: warning: unknown key 'colour'") == true, "\(outcome.stderr)")
                #expect(lines.first?.hasSuffix(" [KIDL200]") == true)
                let error = lines.dropFirst().first ?? ""
                #expect(error.hasPrefix("bad/m.kmd.json:15:23: error: required param 'y'"), "\(outcome.stderr)")
                #expect(error.hasSuffix(" [KIDL410]"))
                #expect(lines.dropFirst(2).first == "bad/m.kmd.json:14:23: note: 'x' is optional", "\(outcome.stderr)")
                #expect(lines.last == "kidlc: module m: 1 error, 1 warning")
                #expect(outcome.stdout.isEmpty)
            }
        }
    }

    @Test func cleanModuleExitsZero() throws {
        try Self.withFolder([.text("clean/m.kmd.json", Self.cleanModule)]) { folder in
            let outcome = try Self.kidlc(["check", "clean"] + Self.importOptions, in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderrLines == ["kidlc: module m: 0 errors, 0 warnings"])
        }
    }

    @Test func warningsAsErrorsTurnsAWarningIntoFailure() throws {
        try Self.withFolder([.text("w/m.kmd.json", Self.warningOnlyModule)]) { folder in
            let plain = try Self.kidlc(["check", "w"] + Self.importOptions, in: folder)
            #expect(plain.status == 0, "\(plain.stderr)")
            #expect(plain.stderrLines.first?.hasPrefix("w/m.kmd.json:5:3: warning: ") == true, "\(plain.stderr)")
            #expect(plain.stderrLines.last == "kidlc: module m: 0 errors, 1 warning")

            let strict = try Self.kidlc(["check", "w", "--warnings-as-errors"] + Self.importOptions, in: folder)
            #expect(strict.status == 1, "\(strict.stderr)")
            #expect(strict.stderrLines.first?.hasPrefix("w/m.kmd.json:5:3: error: ") == true, "\(strict.stderr)")
            #expect(strict.stderrLines.first?.hasSuffix(" [KIDL200]") == true)
            #expect(strict.stderrLines.last == "kidlc: module m: 1 error, 0 warnings")
        }
    }

    @Test func unknownOptionExitsTwo() throws {
        try Self.withFolder([.text("clean/m.kmd.json", Self.cleanModule)]) { folder in
            let outcome = try Self.kidlc(["check", "clean", "--no-such-option"], in: folder)
            #expect(outcome.status == 2, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("--no-such-option"), "\(outcome.stderr)")
        }
    }

    @Test func version() throws {
        try Self.withFolder([]) { folder in
            let outcome = try Self.kidlc(["--version"], in: folder)
            #expect(outcome.status == 0)
            #expect(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == KidlVersion.current)
        }
    }

    @Test func explain() throws {
        try Self.withFolder([]) { folder in
            let outcome = try Self.kidlc(["explain", "KIDL410"], in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout == "KIDL410 (error): \(DiagnosticID.requiredAfterOptional.summary)\n")

            let unknown = try Self.kidlc(["explain", "KIDL999"], in: folder)
            #expect(unknown.status == 2, "\(unknown.stderr)")
        }
    }
}
