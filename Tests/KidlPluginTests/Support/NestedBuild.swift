import Foundation
import KidlTestSupport
import Testing

/// Runs `swift` on packages other than this one — Examples/ChromaKeyPlugin, packages `kidlc init` creates — as
/// users do, with kidl's plugins. Every nested package builds in one scratch folder, `<this build's scratch
/// folder>/kidl-packages` (or `$KIDL_PACKAGES_SCRATCH`): its dependencies (kidl itself, Hummingbird, …) are
/// built once and reused by every nested package and every later run, and it is not the outer build's folder,
/// whose lock `swift test` holds.
enum NestedBuild {
    /// What a nested command printed: standard output and error together, in `output`.
    typealias Outcome = ChildProcess.Outcome

    /// The kidl package root (this file is Tests/KidlPluginTests/Support/NestedBuild.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example package of the repository.
    static let example = packageRoot.appendingPathComponent("Examples/ChromaKeyPlugin")

    /// The shared scratch folder of nested builds.
    static let scratch: URL? = {
        if let env = ProcessInfo.processInfo.environment["KIDL_PACKAGES_SCRATCH"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        // The outer scratch folder holds the test bundle a few levels down (<scratch>/<triple>/debug/…).
        var folder = testBundleFolder
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("workspace-state.json").path) {
                return folder.appendingPathComponent("kidl-packages", isDirectory: true)
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    /// The folder of the built test bundle (the build's products).
    static var testBundleFolder: URL {
        if let bundle = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The `kidlc` built with this test bundle.
    static var kidlc: URL? {
        let candidates = [testBundleFolder, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("kidlc") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Why the nested package tests cannot run here, or nil when they can.
    static var unavailableReason: String? {
        if ProcessInfo.processInfo.environment["KIDL_SKIP_PACKAGE_TESTS"] == "1" { return "KIDL_SKIP_PACKAGE_TESTS=1" }
        if let sanitizer = sanitizer {
            return "this test run is built with the \(sanitizer) sanitizer; nested packages would not be, and would build their dependencies again in its scratch folder"
        }
        if scratch == nil { return "the outer build's scratch folder was not found from \(testBundleFolder.path); set KIDL_PACKAGES_SCRATCH" }
        if kidlc == nil { return "kidlc is not built next to the test bundle (\(testBundleFolder.path))" }
        return nil
    }

    /// The sanitizer this test process runs under (`make test-asan`, `make test-tsan`), found by its runtime's symbol.
    static let sanitizer: String? = {
        let handle = dlopen(nil, RTLD_NOW)
        defer { if let handle { dlclose(handle) } }
        if dlsym(handle, "__asan_init") != nil { return "address" }
        if dlsym(handle, "__tsan_init") != nil { return "thread" }
        return nil
    }()

    /// `swift <arguments> --scratch-path <shared>` in `folder`, at a lower priority than the other tests (they
    /// run meanwhile, and some wait for sockets); standard output and error together.
    static func swift(_ subcommand: String, _ arguments: [String] = [], in folder: URL) async throws -> Outcome {
        let scratch = try #require(scratch)
        // `swift package` takes the scratch path before its plugin verb; build and test take it anywhere.
        return try await run(["nice", "-n", "10", "swift", subcommand, "--scratch-path", scratch.path] + arguments, in: folder)
    }

    /// Runs a command through `env` in `folder`.
    static func run(_ arguments: [String], in folder: URL) async throws -> Outcome {
        try await ChildProcess.run(arguments, in: folder, mergingErrors: true)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kidl-package-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The lines of a build's output that say the kidl plugin ran kidlc for `target`.
    static func kidlcRuns(in output: String, target: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.contains("kidlc: generating Swift code for \(target) from") }
    }
}
