import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Generated server code compiles, warning-free in Swift 6 mode, against the runtime library.
@Suite struct SwiftServerCompileTests {
    @Test func idlModulesCompile() throws {
        let folder = try Paths.temporaryFolder("idl-server")
        defer { try? FileManager.default.removeItem(at: folder) }
        let platform = try Generation.files([Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")])
        let demo = try Generation.files([Paths.idl("demo")], searchPaths: [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")])
        let compiler = SwiftCompiler()
        try compiler.compileModule("KurentoPlatform", files: Generation.write(platform, to: folder.appendingPathComponent("platform")),
                                   output: folder)
        try compiler.compileModule("KurentoDemo", files: Generation.write(demo, to: folder.appendingPathComponent("demo")),
                                   output: folder)
    }
}
