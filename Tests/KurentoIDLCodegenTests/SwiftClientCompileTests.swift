import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Generated client code compiles, warning-free in Swift 6 mode, against the client library.
@Suite struct SwiftClientCompileTests {
    static let platformPaths = [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")]

    @Test func idlModulesCompile() async throws {
        let folder = try Paths.temporaryFolder("idl-client")
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiler = ClientCompiler()
        let platform = try Generation.files(Self.platformPaths, targets: [.swiftClient])
        try await compiler.compileModule("KurentoPlatformClient", files: Generation.write(platform, to: folder.appendingPathComponent("platform")),
                                   output: folder)
        let demo = try Generation.files([Paths.idl("demo")], searchPaths: Self.platformPaths, targets: [.swiftClient])
        try await compiler.compileModule("KurentoDemoClient", files: Generation.write(demo, to: folder.appendingPathComponent("demo")),
                                   output: folder)
    }

    /// Classes, methods, params, properties, events and enum values named like Swift keywords, standard types
    /// and members every proxy has.
    @Test func hostileModuleCompiles() async throws {
        let folder = try Paths.temporaryFolder("hostile-client")
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiler = ClientCompiler()
        let platform = try Generation.files(Self.platformPaths, targets: [.swiftClient])
        try await compiler.compileModule("KurentoPlatformClient", files: Generation.write(platform, to: folder.appendingPathComponent("platform")),
                                   output: folder)
        let hostile = Paths.packageRoot.appendingPathComponent("Tests/KurentoIDLCodegenTests/Fixtures/hostile").path
        let files = try Generation.files([hostile], searchPaths: Self.platformPaths, targets: [.swiftClient])
        try await compiler.compileModule("KurentoHostileClient", files: Generation.write(files, to: folder.appendingPathComponent("hostile")),
                                   output: folder)
    }
}

/// The generated client code of every module of the real Kurento corpus compiles.
@Suite(.enabled(if: Paths.corpus != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
struct CorpusClientCompileTests {
    @Test func everyCorpusModuleCompiles() async throws {
        let corpus = try #require(Paths.corpus)
        let platformPaths = ["core", "elements", "filters"].map { corpus.appendingPathComponent($0).path }
        let folder = try Paths.temporaryFolder("corpus-client")
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiler = ClientCompiler()
        let platform = try Generation.files(platformPaths, targets: [.swiftClient])
        try await compiler.compileModule("KurentoPlatformClient", files: Generation.write(platform, to: folder.appendingPathComponent("platform")),
                                   output: folder)
        for plugin in CorpusServerCompileTests.plugins {
            let path = corpus.appendingPathComponent(plugin).path
            let name = try Generation.schema([path], searchPaths: platformPaths).inputModules[0]
            let files = try Generation.files([path], searchPaths: platformPaths, targets: [.swiftClient])
            try await compiler.compileModule("Kurento" + name.prefix(1).uppercased() + name.dropFirst() + "Client",
                                       files: Generation.write(files, to: folder.appendingPathComponent(name)), output: folder)
        }
    }
}
