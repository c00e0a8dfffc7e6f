import Foundation
import KidlTestSupport

/// Plugin libraries built with `swiftc` during the test run, once, and shared by the tests that load them.
///
/// They are linked WITHOUT the runtime: their references to `KurentoRuntime`, `KurentoPlatform` and
/// `KurentoServer` stay undefined and `dlopen` resolves them from the test binary, which exports its symbols
/// (`-Xlinker --export-dynamic` on the test target in Package.swift). So the host and its plugins share one
/// copy of the runtime, and a plugin's classes conform to the host's protocols (design.md, "Known pitfalls").
struct PluginLibraries: Sendable {
    /// `nested/libkidl-demo.so`: the generated demo module and `Sources/KurentoDemoServer/`, as module `KurentoDemoPlugin`.
    let demo: URL
    /// `libmisfits.so`: modules the loader must refuse (hand-written), and one loadable only after the demo.
    let misfits: URL
    /// `libordinary.so`: a Swift library without `kidl_module_entry`.
    let ordinary: URL
    /// The folder of all three.
    let folder: URL

    /// Started by the first test that asks; the others wait for the same build.
    static let shared = Task { try await PluginLibraries.build() }

    static func build() async throws -> PluginLibraries {
        let folder = try Paths.temporaryFolder("plugins")
        let sources = folder.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lib/nested"), withIntermediateDirectories: true)
        let libraries = PluginLibraries(demo: folder.appendingPathComponent("lib/nested/libkidl-demo.so"),
                                        misfits: folder.appendingPathComponent("lib/libmisfits.so"),
                                        ordinary: folder.appendingPathComponent("lib/libordinary.so"),
                                        folder: folder.appendingPathComponent("lib"))
        let misfitsSource = sources.appendingPathComponent("Misfits.swift")
        try Data(misfitsCode.utf8).write(to: misfitsSource)
        let ordinarySource = sources.appendingPathComponent("Ordinary.swift")
        try Data("public func answer() -> Int { 42 }\n".utf8).write(to: ordinarySource)

        let demoFiles = try Paths.swiftFiles(in: "Generated/swift-server/KurentoDemo")
            + Paths.swiftFiles(in: "Sources/KurentoDemoServer")
        // The three compilations run side by side.
        async let demo: Void = SwiftLibraryCompiler.compile(module: "KurentoDemoPlugin", files: demoFiles, output: libraries.demo,
                                                            defines: ["KIDL_SHARED_LIBRARY_ENTRY", "KIDL_DEMO_PLUGIN"])
        async let misfits: Void = SwiftLibraryCompiler.compile(module: "KidlMisfits", files: [misfitsSource], output: libraries.misfits)
        async let ordinary: Void = SwiftLibraryCompiler.compile(module: "Ordinary", files: [ordinarySource], output: libraries.ordinary)
        _ = try await (demo, misfits, ordinary)
        return libraries
    }

    /// Three modules the loader refuses, each for its own reason, and one that imports the demo module found
    /// later in the folders (the loader retries it once the demo is loaded).
    static let misfitsCode = #"""
        import KurentoRuntime

        /// Generated for a runtime API that does not exist (yet).
        struct FutureModule: KurentoModule {
            var name: String { "future" }
            var version: String { "2.0.0" }
            var kmd: String { #"{"name": "future", "version": "2.0.0"}"# }
            var factories: [RemoteObjectFactory] { [] }
            var classes: [any RemoteClassGlue.Type] { [] }
            var runtimeAPIVersion: Int { 2 }
        }

        /// Imports a module nobody loads.
        struct LonelyModule: KurentoModule {
            var name: String { "lonely" }
            var version: String { "1.0.0" }
            var kmd: String { #"{"name": "lonely", "version": "1.0.0", "imports": [{"name": "nothere", "version": "^1.0.0"}]}"# }
            var factories: [RemoteObjectFactory] { [] }
            var classes: [any RemoteClassGlue.Type] { [] }
            var runtimeAPIVersion: Int { KidlRuntimeAPI.version }
        }

        /// Imports the demo module.
        struct FollowerModule: KurentoModule {
            var name: String { "follower" }
            var version: String { "1.0.0" }
            var kmd: String { #"{"name": "follower", "version": "1.0.0", "imports": [{"name": "demo", "version": "^1.0.0"}]}"# }
            var factories: [RemoteObjectFactory] { [] }
            var classes: [any RemoteClassGlue.Type] { [] }
            var runtimeAPIVersion: Int { KidlRuntimeAPI.version }
        }

        /// A class named like a core one.
        enum CopycatGlue: RemoteClassGlue {
            static var typeName: String { "PassThrough" }
            static var moduleName: String { "copycat" }
            static var qualifiedType: String { "copycat.PassThrough" }
            static var hierarchy: [String] { [] }
            static var eventTypes: Set<String> { [] }
            static func invoke(_ object: any RemoteObject, operation: String, params: JSONFields) async throws -> JSON {
                throw unknownOperation(operation, params)
            }
        }

        struct CopycatModule: KurentoModule {
            var name: String { "copycat" }
            var version: String { "1.0.0" }
            var kmd: String { #"{"name": "copycat", "version": "1.0.0"}"# }
            var factories: [RemoteObjectFactory] {
                [RemoteObjectFactory(glue: CopycatGlue.self) { _, _ in throw KurentoError.notImplemented("copycat") }]
            }
            var classes: [any RemoteClassGlue.Type] { [CopycatGlue.self] }
            var runtimeAPIVersion: Int { KidlRuntimeAPI.version }
        }

        @_cdecl("kidl_module_entry")
        public func kidl_module_entry() -> UnsafeMutableRawPointer {
            LoadableModule.export([FutureModule(), LonelyModule(), FollowerModule(), CopycatModule()])
        }

        """#
}

/// Runs `swiftc -emit-library` against the modules of this test build, without linking them.
enum SwiftLibraryCompiler {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func compile(module: String, files: [URL], output: URL, defines: [String] = []) async throws {
        var args = ["swiftc", "-emit-library", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors",
                    "-module-name", module, "-I", Paths.buildProducts.appendingPathComponent("Modules").path,
                    "-o", output.path]
        // The C modules of the build (CKidlBridge, which KurentoServer imports) are found through the module maps
        // SwiftPM wrote for them, as it does for the targets it compiles.
        for map in Self.moduleMaps() { args += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        for d in defines { args += ["-D", d] }
        args += files.map(\.path)
        let outcome = try await ChildProcess.run(args, mergingErrors: true)
        guard outcome.succeeded else {
            throw Failure(description: "swiftc failed for \(output.lastPathComponent) (\(outcome.status)):\n\(outcome.output)")
        }
    }

    /// `<target>.build/module.modulemap` of every C target in the build folder.
    static func moduleMaps() -> [URL] {
        let folders = (try? FileManager.default.contentsOfDirectory(at: Paths.buildProducts, includingPropertiesForKeys: nil)) ?? []
        return folders.filter { $0.pathExtension == "build" }.map { $0.appendingPathComponent("module.modulemap") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }.sorted { $0.path < $1.path }
    }
}
