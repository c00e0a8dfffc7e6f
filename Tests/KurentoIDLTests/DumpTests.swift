import Foundation
import Testing
@testable import KurentoIDL

/// `kidlc dump`: the resolved model in the shape of the Java creator's `-o` output, byte-identical whatever
/// order the files are given in.
@Suite(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
struct DumpTests {
    static func dump(_ inputs: [String], searchPaths: [String]) throws -> String {
        let result = Frontend(inputs: inputs, searchPaths: searchPaths).run()
        // The creator's fixtures have concrete classes without constructors, which only kidl reports.
        let errors = result.diagnostics.all.filter { $0.severity == .error && $0.id != .concreteClassWithoutConstructor }
        #expect(errors.isEmpty, "\(errors)")
        let schema = try #require(result.schema)
        let name = try #require(schema.inputModules.first)
        let module = try #require(schema.modules[name])
        return JSONWriter.write(ModelDump.json(module, in: schema), sortKeys: true)
    }

    static func files(_ folder: String) throws -> [String] {
        let url = try #require(Corpus.url(folder))
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map { url.appendingPathComponent($0).path }
    }

    @Test func reversedInputOrderGivesIdenticalBytes() throws {
        let core = try #require(Corpus.url("core")).path
        let elements = try Self.files("elements")
        #expect(try Self.dump(elements, searchPaths: [core]) == Self.dump(elements.reversed(), searchPaths: [core]))
        let filters = try Self.files("filters")
        let elementsFolder = try #require(Corpus.url("elements"))
        let platform = [core, elementsFolder.path]
        #expect(try Self.dump(filters, searchPaths: platform) == Self.dump(filters.reversed(), searchPaths: platform.reversed()))
    }

    @Test func chromaDumpHasJavaShapeWithImplicitImportsAndCodeDefaults() throws {
        let platform = try ["core", "elements", "filters"].map { try #require(Corpus.url($0)).path }
        let text = try Self.dump(Self.files("examples/chroma"), searchPaths: platform)
        let (root, diagnostics) = LenientJSONReader.read(text, file: "dump")
        #expect(diagnostics.isEmpty)
        let json = try #require(root)
        #expect(json["name"]?.string == "chroma")
        #expect(json["kurentoVersion"]?.string == "^7.1.0")
        let imports = try #require(json["imports"]?.array)
        #expect(imports.map { $0["name"]?.string } == ["core", "elements", "filters"])
        #expect(imports.map { $0["mavenVersion"]?.string } == Array(repeating: "[7.1.0,8.0.0-SNAPSHOT)", count: 3))
        #expect(imports.map { $0["npmVersion"]?.string } == Array(repeating: ">=7.1.0 <8.0.0", count: 3))
        #expect(json["code"]?["implementation"]?["lib"]?.string == "libkmschroma")
        #expect(json["code"]?["implementation"]?["cppNamespace"]?.string == "kurento::module::chroma")
        #expect(json["code"]?["api"]?["java"]?["mavenVersion"]?.string == "7.3.1-SNAPSHOT")
        #expect(json["code"]?["api"]?["js"]?["npmVersion"]?.string == "https://github.com/Kurento/kurento-module-chroma-js.git")
        let filter = try #require(json["remoteClasses"]?.array?.first)
        #expect(filter["extends"]?.string == "Filter")
        let params = try #require(filter["constructor"]?["params"]?.array)
        #expect(params.map { $0["name"]?.string } == ["mediaPipeline", "window", "backgroundImage"])
        #expect(params[1]["type"]?.string == "WindowParam")
        #expect(params[2]["optional"]?.bool == true && params[2]["defaultValue"]?.string == "")
        #expect(json["complexTypes"]?.array?.first?["typeFormat"]?.string == "REGISTER")
        #expect(json["events"]?.array?.isEmpty == true)
        // Sorted keys, a trailing newline, two-space indent.
        #expect(text.hasPrefix("{\n  \"code\": {"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func typesOfOtherCustomModulesKeepTheirPrefix() throws {
        let root = try #require(Corpus.url("creator-tests"))
        func path(_ p: String) -> String { root.appendingPathComponent(p).path }
        let text = try Self.dump([path("namespaces/moduleC.kmd.json")],
                                 searchPaths: ["namespaces/moduleB.kmd.json", "namespaces/moduleA.kmd.json",
                                               "fakecore.kmd.json", "fakeelements.kmd.json", "fakefilters.kmd.json"].map(path))
        #expect(text.contains("\"type\": \"moduleA.ClassAB\""))
        #expect(text.contains("\"type\": \"moduleB.ClassAB\""))
        #expect(text.contains("\"type\": \"ClassC\""))
        #expect(text.contains("\"type\": \"CoreClass\""))
    }
}
