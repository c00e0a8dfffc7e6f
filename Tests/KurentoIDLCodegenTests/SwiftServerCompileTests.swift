import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Generated server code compiles, warning-free in Swift 6 mode, against the runtime library.
@Suite struct SwiftServerCompileTests {
    @Test func idlModulesCompile() async throws {
        let folder = try Paths.temporaryFolder("idl-server")
        defer { try? FileManager.default.removeItem(at: folder) }
        let platform = try Generation.files([Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")])
        let demo = try Generation.files([Paths.idl("demo")], searchPaths: [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")])
        let compiler = SwiftCompiler()
        try await compiler.compileModule("KurentoPlatform", files: Generation.write(platform, to: folder.appendingPathComponent("platform")),
                                   output: folder)
        try await compiler.compileModule("KurentoDemo", files: Generation.write(demo, to: folder.appendingPathComponent("demo")),
                                   output: folder)
    }
}

/// The generated server code of every module of the real Kurento corpus compiles.
@Suite(.enabled(if: Paths.corpus != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
struct CorpusServerCompileTests {
    static let plugins = ["examples/chroma", "examples/crowddetector", "examples/datachannelexample",
                          "examples/gstreamer-example", "examples/markerdetector", "examples/opencv-example",
                          "examples/platedetector", "examples/pointerdetector", "extras/video-sampler"]

    @Test func everyCorpusModuleCompiles() async throws {
        let corpus = try #require(Paths.corpus)
        let platformPaths = ["core", "elements", "filters"].map { corpus.appendingPathComponent($0).path }
        let folder = try Paths.temporaryFolder("corpus-server")
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiler = SwiftCompiler()
        let platform = try Generation.files(platformPaths)
        try await compiler.compileModule("KurentoPlatform", files: Generation.write(platform, to: folder.appendingPathComponent("platform")),
                                   output: folder)
        // Each plugin is a Swift module of its own (chroma and pointerdetector both declare WindowParam).
        for plugin in Self.plugins {
            let path = corpus.appendingPathComponent(plugin).path
            let name = try Generation.schema([path], searchPaths: platformPaths).inputModules[0]
            let files = try Generation.files([path], searchPaths: platformPaths)
            try await compiler.compileModule("Kurento" + name.prefix(1).uppercased() + name.dropFirst(),
                                       files: Generation.write(files, to: folder.appendingPathComponent(name)), output: folder)
        }
    }
}

/// A module whose classes, methods, params, properties and enum values are named like Swift keywords and
/// standard types generates code that compiles.
@Suite struct HostileNamesCompileTests {
    @Test func hostileModuleCompiles() async throws {
        let folder = try Paths.temporaryFolder("hostile-server")
        defer { try? FileManager.default.removeItem(at: folder) }
        let platformPaths = [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")]
        let compiler = SwiftCompiler()
        try await compiler.compileModule("KurentoPlatform", files: Generation.write(Generation.files(platformPaths),
                                                                             to: folder.appendingPathComponent("platform")),
                                   output: folder)
        let hostile = Paths.packageRoot.appendingPathComponent("Tests/KurentoIDLCodegenTests/Fixtures/hostile").path
        let files = try Generation.files([hostile], searchPaths: platformPaths, targets: [.swiftServer, .swiftImplStarter])
        #expect(files.contains { $0.isStarter })
        try await compiler.compileModule("KurentoHostile", files: Generation.write(files, to: folder.appendingPathComponent("hostile")),
                                   output: folder)
    }
}
