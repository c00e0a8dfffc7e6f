import Foundation
import Testing
@testable import KurentoIDL

/// The Java Kurento module creator's own tests (reference §8), reproduced on its fixtures.
///
/// The fixtures declare concrete classes without constructors, which kidl reports (KIDL408) and the Java creator
/// does not check; those errors are set aside here, every other diagnostic counts.
@Suite(.enabled(if: Corpus.root != nil, "the Kurento corpus is absent (set KIDL_CORPUS)"))
struct CreatorTests {
    static let fakes = ["fakecore.kmd.json", "fakeelements.kmd.json", "fakefilters.kmd.json"]

    /// Runs the front end on creator-test fixtures: `inputs` and `dependencies` relative to creator-tests/.
    static func run(_ inputs: [String], dependencies: [String]) throws -> Frontend.Result {
        let root = try #require(Corpus.url("creator-tests"))
        func path(_ p: String) -> String { root.appendingPathComponent(p).path }
        return Frontend(inputs: inputs.map(path), searchPaths: (dependencies + fakes).map(path)).run()
    }

    static func relevant(_ result: Frontend.Result) -> [Diagnostic] {
        result.diagnostics.all.filter { $0.severity == .error && $0.id != .concreteClassWithoutConstructor }
    }

    @Test func importModules() throws {
        let result = try Self.run(["importmodules/moduleC.kmd.json", "importmodules/moduleB.kmd.json"],
                                  dependencies: ["importmodules/moduleA.kmd.json"])
        #expect(Self.relevant(result).isEmpty, "\(Self.relevant(result))")
        let schema = try #require(result.schema)
        let b = try #require(schema.modules["moduleB"]), c = try #require(schema.modules["moduleC"])
        // Explicit imports come first, then the implicit core, elements, filters.
        #expect(b.imports.map(\.name) == ["moduleA", "core", "elements", "filters"])
        #expect(b.imports[0].mavenVersion == "0.0.1-SNAPSHOT")
        #expect(c.imports[0].mavenVersion == "1.0.0-SNAPSHOT")
        #expect(b.imports[1].mavenVersion == "1.0.0")
        #expect(c.imports[1].mavenVersion == "[1.0,2.0)")
    }

    @Test func importModulesWithSatisfiedRanges() throws {
        let result = try Self.run(["versionranges/moduleC.kmd.json", "versionranges/moduleB.kmd.json"],
                                  dependencies: ["versionranges/moduleA.kmd.json"])
        #expect(Self.relevant(result).isEmpty, "\(Self.relevant(result))")
        let schema = try #require(result.schema)
        let b = try #require(schema.modules["moduleB"]?.imports.first)
        let c = try #require(schema.modules["moduleC"]?.imports.first)
        #expect(b.version == "~1.0")
        #expect(c.version == ">=1.0.0 & <2.0.0")
        for imp in [b, c] {
            #expect(imp.mavenVersion == "[1.0.0,2.0.0-SNAPSHOT)")
            #expect(imp.npmVersion == ">=1.0.0 <2.0.0")
            #expect(imp.resolvedVersion == "1.5.0")
        }
    }

    @Test func importModulesWithUnsatisfiedRange() throws {
        let result = try Self.run(["versionranges/moduleD.kmd.json"], dependencies: ["versionranges/moduleA.kmd.json"])
        let errors = Self.relevant(result)
        #expect(errors.map(\.id) == [.importVersionMismatch])
        let error = try #require(errors.first)
        #expect(error.message.contains("moduleA"))
        #expect(error.message.contains(">2.0.0") && error.message.contains("1.5.0"), "found vs required: \(error.message)")
        #expect(error.location?.file.hasSuffix("versionranges/moduleD.kmd.json") == true)
        #expect(error.notes.first?.location?.file.hasSuffix("versionranges/moduleA.kmd.json") == true)
    }

    @Test func namespaces() throws {
        let result = try Self.run(["namespaces/moduleC.kmd.json"],
                                  dependencies: ["namespaces/moduleB.kmd.json", "namespaces/moduleA.kmd.json"])
        #expect(Self.relevant(result).isEmpty, "\(Self.relevant(result))")
        let schema = try #require(result.schema)
        for name in ["moduleA", "moduleB", "moduleC", "core"] { #expect(schema.modules[name] != nil) }
        #expect(schema.remoteClass(QualifiedName(module: "moduleA", name: "ClassA")) != nil)
        #expect(schema.remoteClass(QualifiedName(module: "moduleB", name: "ClassB")) != nil)
        #expect(schema.remoteClass(QualifiedName(module: "moduleC", name: "ClassC")) != nil)
        #expect(schema.remoteClass(QualifiedName(module: "core", name: "CoreClass")) != nil)

        let classB = try #require(schema.remoteClass(QualifiedName(module: "moduleB", name: "ClassB")))
        #expect(classB.methods[0].params.map(\.type.base) == [
            .remoteClass(QualifiedName(module: "moduleA", name: "ClassA")),
            .remoteClass(QualifiedName(module: "core", name: "CoreClass")),
            .remoteClass(QualifiedName(module: "moduleB", name: "ClassB")),
        ])
        let classC = try #require(schema.remoteClass(QualifiedName(module: "moduleC", name: "ClassC")))
        #expect(classC.methods[0].params.map(\.type.base) == [
            .remoteClass(QualifiedName(module: "moduleA", name: "ClassAB")),
            .remoteClass(QualifiedName(module: "moduleB", name: "ClassAB")),
            .remoteClass(QualifiedName(module: "moduleC", name: "ClassC")),
            .remoteClass(QualifiedName(module: "moduleC", name: "ClassC")),
            .remoteClass(QualifiedName(module: "core", name: "CoreClass")),
        ])
        // moduleB's params array ends with a trailing comma: one warning, no null param.
        #expect(classB.methods[0].params.count == 3)
    }

    @Test func trailingCommaInDependencyIsNotAnError() throws {
        let result = try Self.run(["namespaces/moduleB.kmd.json"], dependencies: ["namespaces/moduleA.kmd.json"])
        #expect(Self.relevant(result).isEmpty)
        #expect(result.diagnostics.all.filter { $0.id == .trailingComma }.count == 1)
    }

    @Test func npmVersion() throws {
        let result = try Self.run(["npmversion/moduleC.kmd.json", "npmversion/moduleB.kmd.json", "npmversion/moduleA.kmd.json"],
                                  dependencies: [])
        #expect(Self.relevant(result).isEmpty, "\(Self.relevant(result))")
        let schema = try #require(result.schema)
        func npm(_ m: String) throws -> String? { CodeDefaults.resolved(try #require(schema.modules[m]))["api.js.npmVersion"] }
        #expect(try npm("moduleA") == "git://host/path")
        #expect(try npm("moduleB") == "1.0.0")
        #expect(try npm("moduleC") == "1.0.0-d")
    }

    @Test func releaseModuleWithDevDependency() throws {
        let result = try Self.run(["releaseversion/moduleB.kmd.json"], dependencies: ["releaseversion/moduleA.kmd.json"])
        let errors = Self.relevant(result)
        #expect(errors.map(\.id) == [.releaseWithDevDependency])
        #expect(errors.first?.message.contains("All dependencies of a release version must be also release versions") == true)
    }

    @Test func bundledCoreCopyChecksClean() throws {
        let result = try Self.run(["core.kmd.json"], dependencies: [])
        #expect(result.diagnostics.all.filter { $0.severity == .error }.isEmpty)
        let core = try #require(result.schema?.modules["core"])
        #expect(core.remoteClasses.count == 13)
        #expect(core.complexTypes.count == 42)
        #expect(core.events.count == 15)
    }
}
