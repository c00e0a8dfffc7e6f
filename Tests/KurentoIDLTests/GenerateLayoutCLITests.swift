import Foundation
import Testing

/// The flags of `kidlc generate` the SwiftPM plugins use: `--layout`, `--fallback-import-path`, `--no-config`.
@Suite(.enabled(if: KidlcBinary.url != nil, KidlcBinary.missingMessage))
struct GenerateLayoutCLITests {
    static let plugin = #"""
        {
          "name": "studio",
          "version": "0.1.0",
          "kurentoVersion": "^1.0.0",
          "remoteClasses": [
            { "name": "Studio", "extends": "Filter",
              "constructor": { "params": [ { "name": "mediaPipeline", "type": "MediaPipeline" } ] } }
          ]
        }
        """#

    static var fallbackOptions: [String] { CLITests.importOptions.map { $0 == "-I" ? "--fallback-import-path" : $0 } }

    @Test func fixedLayoutWritesTheTenNames() throws {
        try CLITests.withFolder([.text("in/studio.kmd.json", Self.plugin)]) { folder in
            let run = try CLITests.kidlc(["generate", "in", "--target", "swift-client", "--layout", "fixed", "--output", "out"]
                                         + CLITests.importOptions, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
                .filter { !$0.hasPrefix(".") }.sorted()
            #expect(written == ["KidlClientClasses.swift", "KidlClientEvents.swift", "KidlClientModule.swift", "KidlClientTypes.swift",
                                "KidlServerClasses.swift", "KidlServerEntry.swift", "KidlServerEvents.swift", "KidlServerGlue.swift",
                                "KidlServerModule.swift", "KidlServerTypes.swift"])
        }
    }

    @Test func fixedLayoutRefusesOtherTargetsAndUnknownLayouts() throws {
        try CLITests.withFolder([.text("in/studio.kmd.json", Self.plugin)]) { folder in
            let docs = try CLITests.kidlc(["generate", "in", "--target", "swift-server", "--target", "docs", "--layout", "fixed",
                                           "--output", "out"] + CLITests.importOptions, in: folder)
            #expect(docs.status == 2)
            #expect(docs.stderr.contains("--layout fixed writes swift-server and swift-client files only, not 'docs'"), "\(docs.stderr)")
            let unknown = try CLITests.kidlc(["generate", "in", "--target", "swift-server", "--layout", "flat", "--output", "out"]
                                             + CLITests.importOptions, in: folder)
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("--layout: unknown layout 'flat' (one of: per-module, fixed)"), "\(unknown.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
    }

    /// Fallback paths come after the configuration's import paths, which a flag list would replace.
    @Test func fallbackImportPathsFollowTheConfiguredOnes() throws {
        let config = "importPaths: [empty]\ntargets: [swift-server]\n"
        try CLITests.withFolder([.text("in/studio.kmd.json", Self.plugin), .text("kidlc.yaml", config), .directory("empty")]) { folder in
            let without = try CLITests.kidlc(["generate", "in", "--output", "out"], in: folder)
            #expect(without.status == 1, "\(without.stderr)")
            let with = try CLITests.kidlc(["generate", "in", "--output", "out"] + Self.fallbackOptions, in: folder)
            #expect(with.status == 0, "\(with.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/StudioServerClasses.swift").path))
        }
    }

    @Test func noConfigIgnoresTheWorkingDirectorysFile() throws {
        try CLITests.withFolder([.text("in/studio.kmd.json", Self.plugin), .text("kidlc.yaml", "colour: red\n")]) { folder in
            let read = try CLITests.kidlc(["generate", "in", "--target", "swift-server", "--output", "out"] + CLITests.importOptions, in: folder)
            #expect(read.status == 2, "\(read.stderr)")
            let ignored = try CLITests.kidlc(["generate", "in", "--no-config", "--target", "swift-server", "--output", "out"]
                                             + CLITests.importOptions, in: folder)
            #expect(ignored.status == 0, "\(ignored.stderr)")
            let both = try CLITests.kidlc(["generate", "in", "--no-config", "--config", "kidlc.yaml", "--target", "swift-server",
                                           "--output", "out"], in: folder)
            #expect(both.status == 2)
            #expect(both.stderr.contains("--no-config and --config 'kidlc.yaml' contradict each other"), "\(both.stderr)")
        }
    }
}
