import Foundation
import Testing

/// Packages built with kidl's SwiftPM plugins, as users build them: the repository's example and a package
/// `kidlc init` creates, each built and tested for real. One at a time: they share one scratch folder.
@Suite(.serialized, .enabled(if: NestedBuild.unavailableReason == nil, Comment(rawValue: NestedBuild.unavailableReason ?? "")),
       .timeLimit(.minutes(40)))
struct PackageBuildTests {
    /// Examples/ChromaKeyPlugin: kidlc generates its code (its earlier output is removed first, so it must run),
    /// and its tests — a server and the generated client against each other — pass.
    @Test func examplePackageBuildsAndPassesItsTests() async throws {
        let scratch = try #require(NestedBuild.scratch)
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent("plugins/outputs/chromakeyplugin"))
        let test = try await NestedBuild.swift("test", in: NestedBuild.example)
        #expect(test.succeeded, "swift test of Examples/ChromaKeyPlugin failed:\n\(test.output)")
        #expect(NestedBuild.kidlcRuns(in: test.output, target: "ChromaKey").count == 1, "\(test.output)")
        #expect(NestedBuild.kidlcRuns(in: test.output, target: "ChromaKeyClient").count == 1, "\(test.output)")
        #expect(test.output.contains("Test run with 4 tests in 1 suite passed"), "\(test.output)")
        #expect(Self.ownWarnings(test.output, package: NestedBuild.example).isEmpty, "the example builds with warnings:\n\(test.output)")
    }

    /// `kidlc init` → test → a no-op build runs nothing → touching the kmd file runs kidlc again → an
    /// error in the kmd file fails the build with kidlc's diagnostic → fixing it builds again; the command plugin
    /// writes docs and a C shim into the package, and nothing outside it.
    @Test func initPackageBuildsRebuildsAndReportsErrors() async throws {
        let folder = try NestedBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("Studio")
        let kidlc = try #require(NestedBuild.kidlc)
        let created = try await NestedBuild.run([kidlc.path, "init", "Studio", "--extends", "Filter", "--output", package.path,
                                           "--kidl-path", NestedBuild.packageRoot.path], in: folder)
        try #require(created.succeeded, "kidlc init failed:\n\(created.output)")

        // `swift test` first: it builds everything, kidlc included, and runs the new package's test.
        let test = try await NestedBuild.swift("test", in: package)
        try #require(test.succeeded, "swift test of the new package failed:\n\(test.output)")
        #expect(NestedBuild.kidlcRuns(in: test.output, target: "StudioServer").count == 1, "\(test.output)")
        #expect(NestedBuild.kidlcRuns(in: test.output, target: "StudioClient").count == 1, "\(test.output)")
        #expect(test.output.contains("Test marksAreCountedAndRaiseEvents() passed"), "\(test.output)")
        #expect(Self.ownWarnings(test.output, package: package).isEmpty, "the new package builds with warnings:\n\(test.output)")

        // SwiftPM builds the plugins' tools (kidlc) with other settings for `swift test` than for `swift build`:
        // the first `swift build` after a `swift test` relinks kidlc, so kidlc runs again (and rewrites nothing).
        // The second is the no-op build.
        let settle = try await NestedBuild.swift("build", ["--build-tests"], in: package)
        try #require(settle.succeeded, "\(settle.output)")
        let noOp = try await NestedBuild.swift("build", ["--build-tests"], in: package)
        #expect(noOp.succeeded, "\(noOp.output)")
        #expect(NestedBuild.kidlcRuns(in: noOp.output, target: "StudioServer").isEmpty, "a no-op build ran kidlc:\n\(noOp.output)")
        #expect(NestedBuild.kidlcRuns(in: noOp.output, target: "StudioClient").isEmpty, "a no-op build ran kidlc:\n\(noOp.output)")

        let kmd = package.appendingPathComponent("Sources/StudioServer/Studio.kmd.json")
        let later = try #require(FileManager.default.attributesOfItem(atPath: kmd.path)[.modificationDate] as? Date)
            .addingTimeInterval(2)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: kmd.path)
        let touched = try await NestedBuild.swift("build", ["--build-tests"], in: package)
        #expect(touched.succeeded, "\(touched.output)")
        #expect(NestedBuild.kidlcRuns(in: touched.output, target: "StudioServer").count == 1,
                "touching the kmd file did not run kidlc again:\n\(touched.output)")

        let good = try String(contentsOf: kmd, encoding: .utf8)
        let bad = good.replacingOccurrences(of: #""type": "boolean""#, with: #""type": "bolean""#)
        try #require(bad != good)
        try bad.write(to: kmd, atomically: true, encoding: .utf8)
        let broken = try await NestedBuild.swift("build", ["--build-tests"], in: package)
        #expect(!broken.succeeded, "a kmd file with an unknown type built:\n\(broken.output)")
        // kidlc runs in the package folder, and names files relative to it. The build stops at the first failing
        // command, the server target's or the client target's (whose kmd file is a link to the same).
        let (line, column) = try #require(Self.position(of: #""bolean""#, in: bad))
        let diagnostics = ["Server", "Client"].map {
            "Sources/Studio\($0)/Studio.kmd.json:\(line):\(column): error: The type 'bolean' is not defined in module 'studio'"
        }
        #expect(diagnostics.contains(where: broken.output.contains), "no '\(diagnostics[0])' in:\n\(broken.output)")

        try good.write(to: kmd, atomically: true, encoding: .utf8)
        let fixed = try await NestedBuild.swift("build", ["--build-tests"], in: package)
        #expect(fixed.succeeded, "the fixed kmd file did not build:\n\(fixed.output)")

        for (kind, file) in [("docs", "studio.md"), ("c-shim", "studio.h")] {
            let generate = try await NestedBuild.swift("package", ["--allow-writing-to-package-directory", "kidlc-generate",
                                                             "--target", "StudioServer", "--kidlc-target", kind], in: package)
            #expect(generate.succeeded, "kidlc-generate --kidlc-target \(kind) failed:\n\(generate.output)")
            let written = package.appendingPathComponent("Generated/StudioServer/\(file)")
            let text = (try? String(contentsOf: written, encoding: .utf8)) ?? ""
            #expect(text.contains("Studio"), "\(written.path) was not written with the class in it:\n\(generate.output)")
        }
        let outside = try await NestedBuild.swift("package", ["--allow-writing-to-package-directory", "kidlc-generate",
                                                        "--target", "StudioServer", "--output", "../outside"], in: package)
        #expect(!outside.succeeded)
        #expect(outside.output.contains("--output '../outside' is outside the package folder"), "\(outside.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outside").path))
    }

    /// Names `kidlc init` refuses: a diagnostic, exit status 2, and no folder.
    @Test(arguments: ["../x", "class", "", "Filter", "core", "9lives", "Kurento", "a b"])
    func hostileInitNamesWriteNothing(name: String) async throws {
        let folder = try NestedBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kidlc = try #require(NestedBuild.kidlc)
        let outcome = try await NestedBuild.run([kidlc.path, "init", name, "--kidl-path", NestedBuild.packageRoot.path], in: folder)
        #expect(outcome.status == 2, "\(outcome.output)")
        #expect(outcome.output.contains("Error: "), "\(outcome.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Warnings about the package's own files or the code generated for it (dependencies' warnings, such as
    /// unhandled files, are not its own).
    static func ownWarnings(_ output: String, package: URL) -> [Substring] {
        let generated = "/plugins/outputs/\(package.lastPathComponent.lowercased())/"
        return output.split(separator: "\n").filter { line in
            line.contains("warning: ") && (line.hasPrefix(package.path) || line.hasPrefix("Sources/") || line.contains(generated))
        }
    }

    /// Line and column (1-based, in characters) of the first occurrence of `needle`.
    static func position(of needle: String, in text: String) -> (Int, Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (line, column)
    }
}
