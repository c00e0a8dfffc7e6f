import Foundation
import Testing

/// The generated header of every module compiles alone (a translation unit that includes only it), and the
/// generated .c compiles against json-c, with `-std=c11 -Wall -Wextra -Werror -pedantic`, under gcc and clang.
@Suite struct CShimCompileTests {
    /// Compiles each module of a generated folder: header alone, then the marshalling source.
    static func compileModules(_ modules: [String], in folder: URL) throws {
        #expect(!CToolchain.compilers.isEmpty, "neither gcc nor clang is on PATH")
        for module in modules {
            let unit = folder.appendingPathComponent("include_\(module).c")
            try Data("#include \"\(module).h\"\nint main(void) { return 0; }\n".utf8).write(to: unit)
            for compiler in CToolchain.compilers {
                try CToolchain.compile(compiler, sources: [unit], includes: [folder])
                if CToolchain.hasJSONC {
                    try CToolchain.compile(compiler, sources: [folder.appendingPathComponent("\(module).c")], includes: [folder], json: true)
                }
            }
        }
    }

    @Test func idlModulesCompile() throws {
        let folder = try Paths.temporaryFolder("cshim-idl")
        defer { try? FileManager.default.removeItem(at: folder) }
        var modules = try CShimFiles.generate(Paths.platform, searchPaths: [], into: folder)
        modules += try CShimFiles.generate([Paths.idl("demo")], into: folder)
        #expect(modules.sorted() == ["core", "demo", "elements", "filters"])
        try Self.compileModules(modules, in: folder)
    }

    /// Names that are C or C++ keywords, reserved identifiers (`_underscore`) or standard names.
    @Test func hostileNamesCompile() throws {
        let folder = try Paths.temporaryFolder("cshim-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = Paths.packageRoot.appendingPathComponent("Tests/KurentoIDLCodegenTests/Fixtures/hostile").path
        let modules = try CShimFiles.generate([hostile], into: folder)
        try Self.compileModules(modules, in: folder)
        let header = try String(contentsOf: folder.appendingPathComponent("hostile.h"), encoding: .utf8)
        #expect(header.contains("int32_t self;"))
        #expect(header.contains("bool default_;"))
        #expect(header.contains("HOSTILE_TYPE_UNDERSCORE,"))
        #expect(header.contains("int (*deinit)(hostile_Any *self"))
        #expect(!header.replacingOccurrences(of: "__cplusplus", with: "").contains("__"),
                "no name may hold a double underscore (reserved in C++)")
    }

    @Test func shapesFixtureCompiles() throws {
        let folder = try Paths.temporaryFolder("cshim-shapes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let modules = try CShimFiles.generate([Paths.fixture("shapes").path], into: folder)
        try Self.compileModules(modules, in: folder)
    }

    /// Several headers in one translation unit, in either order, declare shared types once; C++ can include them.
    @Test func headersCombine() throws {
        let folder = try Paths.temporaryFolder("cshim-combined")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CShimFiles.generate(Paths.platform, searchPaths: [], into: folder)
        _ = try CShimFiles.generate([Paths.idl("demo")], into: folder)
        let orders = [["demo", "core", "elements", "filters"], ["core", "filters", "elements", "demo"]]
        for (i, order) in orders.enumerated() {
            let unit = folder.appendingPathComponent("combined\(i).c")
            let text = order.map { "#include \"\($0).h\"\n" }.joined() + "int main(void) { return 0; }\n"
            try Data(text.utf8).write(to: unit)
            for compiler in CToolchain.compilers { try CToolchain.compile(compiler, sources: [unit], includes: [folder]) }
            if let cxx = CToolchain.cxx {
                let cpp = folder.appendingPathComponent("combined\(i).cpp")
                try Data(text.utf8).write(to: cpp)
                try CToolchain.run([cxx, "-std=c++17", "-Wall", "-Wextra", "-Werror", "-I\(folder.path)", "-c", cpp.path, "-o", "/dev/null"])
            }
        }
    }
}

/// The C shim of every module of the real Kurento corpus compiles, header and source, with gcc and clang.
@Suite(.enabled(if: Paths.corpus != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
struct CorpusCShimCompileTests {
    static let plugins = ["examples/chroma", "examples/crowddetector", "examples/datachannelexample",
                          "examples/gstreamer-example", "examples/markerdetector", "examples/opencv-example",
                          "examples/platedetector", "examples/pointerdetector", "extras/video-sampler"]

    @Test func platformModulesCompile() throws {
        let corpus = try #require(Paths.corpus)
        let platform = ["core", "elements", "filters"].map { corpus.appendingPathComponent($0).path }
        let folder = try Paths.temporaryFolder("cshim-corpus-platform")
        defer { try? FileManager.default.removeItem(at: folder) }
        let modules = try CShimFiles.generate(platform, searchPaths: [], into: folder)
        #expect(modules.sorted() == ["core", "elements", "filters"])
        try CShimCompileTests.compileModules(modules, in: folder)
    }

    @Test(arguments: plugins)
    func pluginCompiles(_ plugin: String) throws {
        let corpus = try #require(Paths.corpus)
        let platform = ["core", "elements", "filters"].map { corpus.appendingPathComponent($0).path }
        let folder = try Paths.temporaryFolder("cshim-corpus-plugin")
        defer { try? FileManager.default.removeItem(at: folder) }
        let modules = try CShimFiles.generate([corpus.appendingPathComponent(plugin).path], searchPaths: platform, into: folder)
        #expect(modules.count == 1)
        try CShimCompileTests.compileModules(modules, in: folder)
    }
}
