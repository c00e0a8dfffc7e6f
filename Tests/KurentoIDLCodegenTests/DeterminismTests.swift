import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Same input, same bytes: across runs and whatever order the files and modules are given in.
@Suite struct DeterminismTests {
    static let platform = ["idl/core", "idl/elements", "idl/filters"]

    func generate(_ inputs: [String], searchPaths: [String] = []) throws -> [GeneratedFile] {
        let root = Paths.packageRoot
        let result = Frontend(inputs: inputs.map { root.appendingPathComponent($0).path },
                              searchPaths: searchPaths.map { root.appendingPathComponent($0).path },
                              baseDirectory: root.path).run()
        #expect(!result.hasErrors)
        return try Generator.generate(try #require(result.schema),
                                      options: GenerationOptions(targets: [.swiftServer, .swiftImplStarter]))
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        #expect(try generate(Self.platform) == generate(Self.platform))
        #expect(try generate(["idl/demo"], searchPaths: Self.platform) == generate(["idl/demo"], searchPaths: Self.platform))
    }

    @Test func reversedModuleOrderGivesIdenticalBytes() throws {
        #expect(try generate(Self.platform) == generate(Self.platform.reversed()))
    }

    @Test func reversedFileOrderOfASplitModuleGivesIdenticalBytes() throws {
        let files = ["idl/demo/demo.kmd.json", "idl/demo/demo.StageFilter.kmd.json"]
        #expect(try generate(files, searchPaths: Self.platform) == generate(files.reversed(), searchPaths: Self.platform.reversed()))
    }

    @Test(.enabled(if: Paths.corpus != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
    func corpusElementsGiveIdenticalBytesInReverse() throws {
        let corpus = try #require(Paths.corpus)
        let folder = corpus.appendingPathComponent("elements")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        func run(_ inputs: [String]) throws -> [GeneratedFile] {
            let result = Frontend(inputs: inputs, searchPaths: [corpus.appendingPathComponent("core").path]).run()
            return try Generator.generate(try #require(result.schema), options: GenerationOptions(targets: [.swiftServer]))
        }
        #expect(try run(files) == run(files.reversed()))
    }
}
